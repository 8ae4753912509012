import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { modelIdProblem } from './model-id';
import {
	EXECUTION_OPTIONS,
	HYPERPARAMETERS,
	describeRange,
	type ExecutionOption,
	type HyperparameterOption,
	type NumericOptionSpec,
} from './parameters';

export const MESSAGE_ROLES = ['system', 'user', 'assistant'] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];

export interface ChatMessage {
	role: MessageRole;
	content: string;
}

export const RESPONSE_FORMATS = ['text', 'json'] as const;
export type ResponseFormat = (typeof RESPONSE_FORMATS)[number];

/** Everything one item asks for, checked against the documented contract. */
export interface ItemParameters {
	model: string;
	messages: ChatMessage[];
	simplify: boolean;
	/** Only the hyperparameters the user set. */
	hyperparameters: Partial<Record<HyperparameterOption, number>>;
	/** Always complete: unset options take their documented default. */
	execution: Record<ExecutionOption, number>;
	/** `json`: ask for JSON and parse the reply into the output's `data`. */
	responseFormat: ResponseFormat;
	/** A JSON schema for the reply, sent upstream as `guided_json`. */
	jsonSchema?: IDataObject;
	/** Names of the input item's binary properties holding images to send. */
	imageProperties: string[];
}

/**
 * A parameter value outside the documented contract. Values given by expression bypass the
 * editor's own checks, so every item is checked again here, before any request is sent.
 */
export class ParameterValidationError extends Error {
	readonly code = 'DATAOORTS_INVALID_PARAMETER';

	constructor(
		/** Parameter path as n8n names it, e.g. `options.topK`. */
		readonly field: string,
		readonly value: unknown,
		message: string,
	) {
		super(message);
		this.name = 'ParameterValidationError';
	}
}

/** A short, safe rendering of a user value for an error message. */
export function formatValue(value: unknown): string {
	if (value === undefined) return 'undefined';
	if (typeof value === 'string')
		return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
	if (typeof value === 'number' || typeof value === 'boolean' || value === null)
		return String(value);
	const json = JSON.stringify(value) ?? String(value);
	return json.length > 60 ? `${json.slice(0, 60)}…` : json;
}

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
			value,
			`${spec.displayName} (options.${spec.option}) ${problem}: got ${formatValue(value)}, allowed is ${describeRange(spec)}`,
		);
	}
	return number;
}

/** The model ID, trimmed; refused when it is empty or holds what no model ID can. */
export function checkModel(value: unknown): string {
	const id = typeof value === 'string' ? value.trim() : '';
	if (id === '') {
		throw new ParameterValidationError(
			'model',
			value,
			`Model (model) must be a model ID such as "google/gemma-3-12b-it": got ${formatValue(value)}`,
		);
	}
	const problem = modelIdProblem(id);
	if (problem !== undefined) {
		throw new ParameterValidationError(
			'model',
			value,
			`Model (model) ${problem}: got ${formatValue(value)}; a model ID looks like "google/gemma-3-12b-it"`,
		);
	}
	return id;
}

function toContent(value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value !== null && typeof value === 'object') return JSON.stringify(value);
	return '';
}

export function checkMessages(value: unknown): ChatMessage[] {
	if (!Array.isArray(value) || value.length === 0) {
		throw new ParameterValidationError(
			'messages.values',
			value,
			'Messages (messages.values) must hold at least one message: add a message with a role and content',
		);
	}
	return value.map((entry: unknown, index) => {
		const message = (entry ?? {}) as { role?: unknown; content?: unknown };
		const field = `messages.values[${index}]`;
		if (!MESSAGE_ROLES.includes(message.role as MessageRole)) {
			throw new ParameterValidationError(
				`${field}.role`,
				message.role,
				`Role of message ${index + 1} (${field}.role) is unknown: got ${formatValue(message.role)}, allowed are ${MESSAGE_ROLES.join(', ')}`,
			);
		}
		const content = toContent(message.content);
		if (content.trim() === '') {
			throw new ParameterValidationError(
				`${field}.content`,
				message.content,
				`Content of message ${index + 1} (${field}.content) is empty: got ${formatValue(message.content)}, a ${String(message.role)} message needs text`,
			);
		}
		return { role: message.role as MessageRole, content };
	});
}

export function checkOptions(
	options: IDataObject,
): Pick<ItemParameters, 'hyperparameters' | 'execution'> {
	const hyperparameters: ItemParameters['hyperparameters'] = {};
	for (const spec of HYPERPARAMETERS) {
		if (options[spec.option] !== undefined) {
			hyperparameters[spec.option] = checkNumericOption(spec, options[spec.option]);
		}
	}
	const execution = {} as ItemParameters['execution'];
	for (const spec of EXECUTION_OPTIONS) {
		const value = options[spec.option];
		execution[spec.option] = value === undefined ? spec.uiDefault : checkNumericOption(spec, value);
	}
	return { hyperparameters, execution };
}

export function checkResponseFormat(value: unknown): ResponseFormat {
	if (value === undefined) return 'text';
	if (!RESPONSE_FORMATS.includes(value as ResponseFormat)) {
		throw new ParameterValidationError(
			'options.responseFormat',
			value,
			`Response Format (options.responseFormat) is unknown: got ${formatValue(value)}, allowed are ${RESPONSE_FORMATS.join(', ')}`,
		);
	}
	return value as ResponseFormat;
}

/** A schema given as JSON text (the editor's JSON field) or as an object (an expression). */
export function checkJsonSchema(value: unknown): IDataObject | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
		return undefined;
	let schema: unknown = value;
	if (typeof value === 'string') {
		try {
			schema = JSON.parse(value);
		} catch (error) {
			throw new ParameterValidationError(
				'options.jsonSchema',
				value,
				`JSON Schema (options.jsonSchema) is not valid JSON: ${(error as Error).message}`,
			);
		}
	}
	if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
		throw new ParameterValidationError(
			'options.jsonSchema',
			value,
			`JSON Schema (options.jsonSchema) must be a JSON object such as {"type": "object", "properties": {...}}: got ${formatValue(value)}`,
		);
	}
	return schema as IDataObject;
}

/** "data, photo" → ["data", "photo"]; expressions may also give an array. */
export function checkImageProperties(value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	const names = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(',')
			: undefined;
	if (names === undefined || names.some((name) => typeof name !== 'string')) {
		throw new ParameterValidationError(
			'options.imageBinaryProperties',
			value,
			`Image Binary Properties (options.imageBinaryProperties) must be property names separated by commas, e.g. "data, photo": got ${formatValue(value)}`,
		);
	}
	return (names as string[]).map((name) => name.trim()).filter((name) => name !== '');
}

/** Reads one item's parameters (expressions resolved by n8n) and checks them. */
export function readItemParameters(context: IExecuteFunctions, itemIndex: number): ItemParameters {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		model: checkModel(context.getNodeParameter('model', itemIndex)),
		messages: checkMessages(context.getNodeParameter('messages.values', itemIndex, [])),
		simplify: context.getNodeParameter('simplify', itemIndex, true) !== false,
		...checkOptions(options),
		responseFormat: checkResponseFormat(options.responseFormat),
		jsonSchema: checkJsonSchema(options.jsonSchema),
		imageProperties: checkImageProperties(options.imageBinaryProperties),
	};
}
