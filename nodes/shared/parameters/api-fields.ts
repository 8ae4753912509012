/** Table rows → request body: the set hyperparameters under their documented API names. */
import { HYPERPARAMETERS, type HyperparameterOption } from './table';

/** The hyperparameters that are set (numbers), under their API names, in table order. */
export function hyperparameterFields(
	values: Partial<Record<HyperparameterOption, unknown>>,
): Record<string, number> {
	const fields: Record<string, number> = {};
	for (const spec of HYPERPARAMETERS) {
		const value = values[spec.option];
		if (typeof value === 'number') fields[spec.apiName] = value;
	}
	return fields;
}
