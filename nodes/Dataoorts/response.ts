import type { IDataObject } from 'n8n-workflow';

import type { DataoortsSuccessBody } from './transport';
import { MAX_JSON_DEPTH, parseBoundedJson } from './transport/bounded-json';
import type { ItemParameters } from './validation';

/** The simplified output item: what the next node maps, e.g. `{{ $json.response }}`. */
export interface SimplifiedOutput extends IDataObject {
	response: IDataObject[keyof IDataObject];
	usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
	tool_calls: IDataObject[];
	model: string;
}

/** JSON mode: the reply could not be parsed (or is nested too deeply to use). Quotes its start. */
export class ReplyNotJsonError extends Error {
	readonly code = 'DATAOORTS_REPLY_NOT_JSON';

	constructor(
		readonly reply: string,
		tooDeep = false,
	) {
		const start = reply.replace(/\s+/g, ' ').trim();
		const what = tooDeep
			? `is JSON nested deeper than ${MAX_JSON_DEPTH} levels`
			: 'is not valid JSON';
		super(
			`The model's reply ${what} (Response Format is JSON): "${start.length > 120 ? `${start.slice(0, 120)}…` : start}"`,
		);
		this.name = 'ReplyNotJsonError';
	}
}

/** A token count from the API's usage, 0 when absent or not a number. */
export function tokenCount(value: unknown): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

export function simplifyAnswer(answer: DataoortsSuccessBody, model: string): SimplifiedOutput {
	const { result } = answer;
	const usage = result.usage ?? {};
	return {
		response: (result.response ?? '') as SimplifiedOutput['response'],
		usage: {
			prompt_tokens: tokenCount(usage.prompt_tokens),
			completion_tokens: tokenCount(usage.completion_tokens),
			total_tokens: tokenCount(usage.total_tokens),
		},
		tool_calls: (Array.isArray(result.tool_calls) ? result.tool_calls : []) as IDataObject[],
		// The API does not echo the model, so the item records the one that was asked for.
		model,
	};
}

/**
 * The inside of a ```json … ``` fence, or the text itself. Sliced, not matched: a lazy regex
 * over a hostile reply (a fence, then megabytes of spaces) backtracks quadratically.
 */
function unfenced(text: string): string {
	if (text.length < 6 || !text.startsWith('```') || !text.endsWith('```')) return text;
	const inner = text.slice(3, -3);
	return /^json/i.test(inner) ? inner.slice(4) : inner;
}

/**
 * The reply as JSON: models often wrap it in a ```json fence, and with guided JSON the API may
 * already hand back an object.
 */
export function parseJsonReply(response: unknown): IDataObject[keyof IDataObject] {
	if (response !== null && typeof response === 'object') return response as IDataObject;
	const text = String(response ?? '').trim();
	// Bounded: the parsed reply becomes part of the output item, which must stay serialisable.
	const parsed = parseBoundedJson(unfenced(text));
	if (!parsed.ok) throw new ReplyNotJsonError(text, parsed.problem === 'too-deep');
	return parsed.value as IDataObject;
}

/**
 * Output JSON of one item: simplified, or the API's whole answer when simplify is off. In JSON
 * mode the parsed reply is added as `data`, so the next node maps `{{ $json.data.<key> }}`.
 */
export function toOutputJson(
	answer: DataoortsSuccessBody,
	options: Pick<ItemParameters, 'simplify' | 'model'> &
		Partial<Pick<ItemParameters, 'responseFormat'>>,
): IDataObject {
	const json: IDataObject = options.simplify
		? simplifyAnswer(answer, options.model)
		: (answer as unknown as IDataObject);
	return options.responseFormat === 'json'
		? { ...json, data: parseJsonReply(answer.result.response) }
		: json;
}
