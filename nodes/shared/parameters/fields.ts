/** Table rows → UI fields: the same bounds the run-time check uses. */
import type { INodeProperties } from 'n8n-workflow';

import { describeRange, type NumericOptionSpec } from './table';

/** One UI field from one row of the parameter table. */
function numericOptionField(spec: NumericOptionSpec): INodeProperties {
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
		options: [...rows.map(numericOptionField), ...extraFields].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	};
}
