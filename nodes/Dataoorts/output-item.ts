import type { IDataObject } from 'n8n-workflow';

import { readAnswerText } from '../shared/answer-text';
import { catalogModel } from '../shared/catalog';
import { costOf, type Cost, type PriceOverrides } from '../shared/cost';
import { ReplyNotJsonError } from '../shared/errors/errors';
import { nonFiniteNumberAt, parseBoundedJson } from '../shared/json';
import { parseModeration } from '../shared/moderation';
import { readUsage } from '../shared/usage';
import type { DataoortsEnvelope } from '../shared/wire';
import type { ItemParameters } from './validation';

/** The simplified output item: what the next node maps, e.g. `{{ $json.response }}`. */
interface SimplifiedOutput extends IDataObject {
	response: IDataObject[keyof IDataObject];
	usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
	/** Null when the model's price is unknown (not in the catalog, no price options set). */
	cost: (Cost & IDataObject) | null;
	tool_calls: IDataObject[];
	model: string;
}

export function simplifyAnswer(
	answer: DataoortsEnvelope,
	model: string,
	prices: PriceOverrides = {},
): SimplifiedOutput {
	const { response, tool_calls: toolCalls } = answer.result;
	const usage = readUsage(answer);
	return {
		response: (response ?? '') as SimplifiedOutput['response'],
		usage: {
			prompt_tokens: usage.promptTokens,
			completion_tokens: usage.completionTokens,
			total_tokens: usage.totalTokens,
		},
		cost: costOf(usage, model, prices) as SimplifiedOutput['cost'],
		tool_calls: (Array.isArray(toolCalls) ? toolCalls : []) as IDataObject[],
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
	// Already parsed (guided JSON): an overflowing number came as Infinity, with no text to quote.
	if (typeof response !== 'string' && response !== null && response !== undefined) {
		const at = nonFiniteNumberAt(response, 'data');
		if (at !== undefined) throw new ReplyNotJsonError(undefined, 'overflow', at);
		if (typeof response === 'object') return response as IDataObject;
	}
	const text = String(response ?? '').trim();
	// Bounded: the parsed reply becomes part of the output item, which must stay serialisable.
	const parsed = parseBoundedJson(unfenced(text));
	if (!parsed.ok)
		throw new ReplyNotJsonError(text, parsed.problem === 'too-deep' ? 'too-deep' : 'syntax');
	const at = nonFiniteNumberAt(parsed.value, 'data');
	if (at !== undefined) throw new ReplyNotJsonError(text, 'overflow', at);
	return parsed.value as IDataObject;
}

/** What the answer's text adds to an item: reasoning, moderation, truncated; and the answer proper. */
function readAnswerFields(
	answer: DataoortsEnvelope,
	options: OutputOptions,
): { answerText: unknown; cutInThoughts: boolean; fields: IDataObject } {
	const raw = answer.result.response;
	const { split, truncated } = readAnswerText(
		raw,
		options.model,
		options.hyperparameters?.maxTokens,
		readUsage(answer).completionTokens,
	);
	const mode = options.reasoning ?? 'keep';
	const fields: IDataObject = {};
	if (split && mode === 'separate') fields.reasoning = split.reasoning;
	if (catalogModel(options.model)?.moderation) {
		fields.moderation = parseModeration(raw) as IDataObject | null;
	}
	fields.truncated = truncated;
	return { answerText: split ? split.answer : raw, cutInThoughts: split?.closed === false, fields };
}

type OutputOptions = Pick<ItemParameters, 'simplify' | 'model'> &
	Partial<Pick<ItemParameters, 'responseFormat' | 'prices' | 'reasoning' | 'hyperparameters'>>;

/**
 * Output JSON of one item: simplified, or the API's whole answer (plus `cost`) when simplify is
 * off; either way with `truncated`, and `reasoning` and `moderation` where the model gives them.
 * `response` is the answer without the thoughts unless Reasoning is `keep` (with simplify off,
 * `result.response` stays the API's). In JSON mode the parsed answer is added as `data`, so the
 * next node maps `{{ $json.data.<key> }}`.
 */
export function toOutputJson(answer: DataoortsEnvelope, options: OutputOptions): IDataObject {
	const { answerText, cutInThoughts, fields } = readAnswerFields(answer, options);
	let json: IDataObject;
	if (options.simplify) {
		const simplified = simplifyAnswer(answer, options.model, options.prices);
		const keep = (options.reasoning ?? 'keep') === 'keep';
		const response = keep ? simplified.response : (answerText as SimplifiedOutput['response']);
		json = { ...simplified, response, ...fields };
	} else {
		const cost = costOf(readUsage(answer), options.model, options.prices) as IDataObject | null;
		json = { ...(answer as unknown as IDataObject), cost, ...fields };
	}
	if (options.responseFormat !== 'json') return json;
	if (cutInThoughts) throw new ReplyNotJsonError(undefined, 'cut-in-thoughts');
	return { ...json, data: parseJsonReply(answerText) };
}
