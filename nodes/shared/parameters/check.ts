/**
 * Table rows → run-time checks. Values given by expression (or by an AI Agent through $fromAI)
 * bypass the editor's own checks, so both nodes check every value again before anything is sent.
 */
import type { IDataObject } from 'n8n-workflow';

import { ParameterValidationError } from '../errors/errors';
import { formatValue } from '../format';
import { modelIdProblem } from './model-id';
import {
	EXECUTION_OPTIONS,
	HYPERPARAMETERS,
	PRICE_OPTIONS,
	describeRange,
	type ExecutionOption,
	type HyperparameterOption,
	type NumericOptionSpec,
	type PriceOption,
} from './table';

/**
 * Plain decimal notation, with an optional exponent. Number() also reads "0x1", "0b1", "0o7"
 * and "Infinity", which no sheet means as a temperature or a token count.
 */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** Numbers arrive as numbers from the UI, but often as strings from sheets and expressions. */
function toNumber(value: unknown): number {
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && DECIMAL.test(value.trim())) return Number(value.trim());
	return Number.NaN;
}

/** A string Number() would read but toNumber() refuses, e.g. "0x1". */
function isNonDecimalNumber(value: unknown): boolean {
	return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value.trim()));
}

export function checkNumericOption(spec: NumericOptionSpec, value: unknown): number {
	const number = toNumber(value);
	const withinRange =
		Number.isFinite(number) &&
		number >= spec.min &&
		(spec.max === undefined || number <= spec.max) &&
		(!spec.integer || Number.isInteger(number));
	if (!withinRange) {
		const problem = !Number.isFinite(number)
			? isNonDecimalNumber(value)
				? 'is not a number in decimal notation'
				: 'is not a number'
			: spec.integer && !Number.isInteger(number)
				? 'is not a whole number'
				: 'is out of range';
		throw new ParameterValidationError(
			`options.${spec.option}`,
			`${spec.displayName} ${problem}: got ${formatValue(value)}, allowed is ${describeRange(spec)}`,
		);
	}
	return number;
}

export interface CheckedOptions {
	/** Only the hyperparameters the user set. */
	hyperparameters: Partial<Record<HyperparameterOption, number>>;
	/** Always complete: unset run options take their documented default. */
	execution: Record<ExecutionOption, number>;
	/** Only the prices the user set. */
	prices: Partial<Record<PriceOption, number>>;
}

/** The options of `rows` that are set, checked. */
function checkSetOptions<Option extends string>(
	rows: ReadonlyArray<NumericOptionSpec & { option: Option }>,
	options: IDataObject,
): Partial<Record<Option, number>> {
	const values: Partial<Record<Option, number>> = {};
	for (const spec of rows) {
		if (options[spec.option] !== undefined) {
			values[spec.option] = checkNumericOption(spec, options[spec.option]);
		}
	}
	return values;
}

/** The run options, checked; unset ones take their documented default. */
export function checkExecutionOptions(options: IDataObject): CheckedOptions['execution'] {
	const execution = {} as CheckedOptions['execution'];
	for (const spec of EXECUTION_OPTIONS) {
		const value = options[spec.option];
		execution[spec.option] = value === undefined ? spec.uiDefault : checkNumericOption(spec, value);
	}
	return execution;
}

/** The numeric options of an "Options" collection, checked against the table. */
export function checkOptions(options: IDataObject): CheckedOptions {
	return {
		hyperparameters: checkSetOptions(HYPERPARAMETERS, options),
		execution: checkExecutionOptions(options),
		prices: checkSetOptions(PRICE_OPTIONS, options),
	};
}

/** The model ID, trimmed; refused when it is empty or holds what no model ID can. */
export function checkModel(value: unknown): string {
	const id = typeof value === 'string' ? value.trim() : '';
	if (id === '') {
		throw new ParameterValidationError(
			'model',
			`Model must be a model ID such as "google/gemma-3-12b-it": got ${formatValue(value)}`,
		);
	}
	const problem = modelIdProblem(id);
	if (problem !== undefined) {
		throw new ParameterValidationError(
			'model',
			`Model ${problem}: got ${formatValue(value)}; a model ID looks like "google/gemma-3-12b-it"`,
		);
	}
	return id;
}
