/** Table rows → UI fields: the same bounds the run-time check uses. */
import type { INodeProperties } from 'n8n-workflow';

import type { RunOptionRow } from './spec';
import { describeRange, type NumericOptionSpec } from './table';

/** One UI field from one row of the parameter table. */
export function numericOptionField(spec: NumericOptionSpec): INodeProperties {
	// The lint rule looks for a `default` key with a value; the row's is one.
	const { uiDefault } = spec;
	return {
		displayName: spec.displayName,
		name: spec.option,
		type: 'number',
		default: uiDefault,
		description: `${spec.description} Allowed: ${describeRange(spec)}`,
		typeOptions: {
			minValue: spec.min,
			...(spec.max === undefined ? {} : { maxValue: spec.max }),
			numberPrecision: spec.integer ? 0 : (spec.decimals ?? 2),
		},
	};
}

/**
 * A row whose default changed in a later node version gives two fields of one name, each shown
 * in its versions, as n8n's own nodes version a default.
 */
function versionedFields(spec: NumericOptionSpec & Partial<RunOptionRow>): INodeProperties[] {
	const field = numericOptionField(spec);
	if (spec.newDefault === undefined) return [field];
	const { fromVersion, value } = spec.newDefault;
	return [
		{ ...field, displayOptions: { show: { '@version': [{ _cnd: { lt: fromVersion } }] } } },
		{
			...field,
			default: value,
			displayOptions: { show: { '@version': [{ _cnd: { gte: fromVersion } }] } },
		},
	];
}

/** A node's "Options" collection: the rows' fields and any further fields, sorted as n8n sorts them. */
export function optionsCollection(
	rows: readonly NumericOptionSpec[],
	extraFields: INodeProperties[] = [],
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...rows.flatMap(versionedFields), ...extraFields].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	};
}
