import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ParameterValidationError } from '../shared/errors/errors';
import { formatValue } from '../shared/format';
import { parseBoundedJson } from '../shared/json';
import { checkModel, checkOptions, type CheckedOptions } from '../shared/parameters/check';

export const MESSAGE_ROLES = ['system', 'user', 'assistant'] as const;
type MessageRole = (typeof MESSAGE_ROLES)[number];

export interface ChatMessage {
	role: MessageRole;
	content: string;
}

const RESPONSE_FORMATS = ['text', 'json'] as const;
type ResponseFormat = (typeof RESPONSE_FORMATS)[number];

/** What `response` holds for a reasoning model's answer (nodes/shared/reasoning.ts). */
export const REASONING_MODES = ['separate', 'keep', 'drop'] as const;
export type ReasoningMode = (typeof REASONING_MODES)[number];

/** Version 3 separates thoughts from the answer by default; saved version 1–2 nodes keep the raw text. */
export function defaultReasoningMode(nodeVersion: number): ReasoningMode {
	return nodeVersion >= 3 ? 'separate' : 'keep';
}

/** Everything one item asks for, checked against the documented contract. */
export interface ItemParameters extends CheckedOptions {
	model: string;
	messages: ChatMessage[];
	simplify: boolean;
	/** `json`: ask for JSON and parse the reply into the output's `data`. */
	responseFormat: ResponseFormat;
	/** A JSON schema for the reply, sent upstream as `guided_json`. */
	jsonSchema?: IDataObject;
	/** Names of the input item's binary properties holding images to send. */
	imageProperties: string[];
	reasoning: ReasoningMode;
	/** Send the answer to the chat as it arrives, when the execution streams. */
	streamToChat: boolean;
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
			'Messages must hold at least one message: add a message with a role and content',
		);
	}
	return value.map((entry: unknown, index) => {
		const message = (entry ?? {}) as { role?: unknown; content?: unknown };
		const field = `messages.values[${index}]`;
		if (!MESSAGE_ROLES.includes(message.role as MessageRole)) {
			throw new ParameterValidationError(
				`${field}.role`,
				`Message ${index + 1}: Role is unknown: got ${formatValue(message.role)}, allowed are ${MESSAGE_ROLES.join(', ')}`,
			);
		}
		const content = toContent(message.content);
		if (content.trim() === '') {
			throw new ParameterValidationError(
				`${field}.content`,
				`Message ${index + 1}: Content is empty: got ${formatValue(message.content)}, a ${String(message.role)} message needs text`,
			);
		}
		return { role: message.role as MessageRole, content };
	});
}

/** One of a few named values, or the fallback when unset. */
function checkChoice<Value extends string>(
	field: string,
	label: string,
	allowed: readonly Value[],
	value: unknown,
	fallback: Value,
): Value {
	if (value === undefined) return fallback;
	if (!allowed.includes(value as Value)) {
		throw new ParameterValidationError(
			`options.${field}`,
			`${label} is unknown: got ${formatValue(value)}, allowed are ${allowed.join(', ')}`,
		);
	}
	return value as Value;
}

/** A schema given as JSON text (the editor's JSON field) or as an object (an expression). */
function checkJsonSchema(value: unknown): IDataObject | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
		return undefined;
	let schema: unknown = value;
	if (typeof value === 'string') {
		const parsed = parseBoundedJson(value);
		if (!parsed.ok) {
			const reason = parsed.problem === 'syntax' ? parsed.reason : 'it is nested too deeply';
			throw new ParameterValidationError(
				'options.jsonSchema',
				`JSON Schema is not valid JSON: ${reason}`,
			);
		}
		schema = parsed.value;
	}
	if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
		throw new ParameterValidationError(
			'options.jsonSchema',
			`JSON Schema must be a JSON object such as {"type": "object", "properties": {...}}: got ${formatValue(value)}`,
		);
	}
	return schema as IDataObject;
}

/** "data, photo" → ["data", "photo"]; expressions may also give an array. */
function checkImageProperties(value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	const names = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(',')
			: undefined;
	if (names === undefined || names.some((name) => typeof name !== 'string')) {
		throw new ParameterValidationError(
			'options.imageBinaryProperties',
			`Image Binary Properties must be property names separated by commas, e.g. "data, photo": got ${formatValue(value)}`,
		);
	}
	return (names as string[]).map((name) => name.trim()).filter((name) => name !== '');
}

function checkStreamToChat(value: unknown): boolean {
	if (value === undefined || value === null || value === '') return true;
	if (typeof value === 'boolean') return value;
	throw new ParameterValidationError(
		'options.streamToChat',
		`Stream to Chat must be true or false: got ${formatValue(value)}`,
	);
}

/** Reads one item's parameters (expressions resolved by n8n) and checks them. */
export function readItemParameters(context: IExecuteFunctions, itemIndex: number): ItemParameters {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		model: checkModel(context.getNodeParameter('model', itemIndex, '', { extractValue: true })),
		messages: checkMessages(context.getNodeParameter('messages.values', itemIndex, [])),
		simplify: context.getNodeParameter('simplify', itemIndex, true) !== false,
		...checkOptions(options),
		responseFormat: checkChoice(
			'responseFormat',
			'Response Format',
			RESPONSE_FORMATS,
			options.responseFormat,
			'text',
		),
		jsonSchema: checkJsonSchema(options.jsonSchema),
		imageProperties: checkImageProperties(options.imageBinaryProperties),
		reasoning: checkChoice(
			'reasoning',
			'Reasoning',
			REASONING_MODES,
			options.reasoning,
			defaultReasoningMode(context.getNode().typeVersion),
		),
		streamToChat: checkStreamToChat(options.streamToChat),
	};
}
