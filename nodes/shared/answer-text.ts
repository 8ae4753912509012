/**
 * What an answer's text says beyond its words, for both nodes: a reasoning model's thoughts apart
 * from its answer, and whether the answer was cut. The API gives no finish reason, so a cut is
 * recognised by the token count reaching Maximum Number of Tokens, or by thoughts never closed.
 */
import { catalogModel } from './catalog';
import { splitReasoning, type ReasoningSplit } from './reasoning';

export interface AnswerText {
	/** Thoughts and answer, for a catalog reasoning model or any answer holding </think>. */
	split?: ReasoningSplit;
	truncated: boolean;
}

export function readAnswerText(
	text: unknown,
	model: string,
	maxTokens: number | undefined,
	completionTokens: number,
): AnswerText {
	const split =
		typeof text === 'string'
			? splitReasoning(text, catalogModel(model)?.reasoning ?? false)
			: undefined;
	const reachedMax = maxTokens !== undefined && completionTokens >= maxTokens;
	return { split, truncated: reachedMax || split?.closed === false };
}
