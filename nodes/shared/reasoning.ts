/**
 * How a reasoning model's answer splits into its thoughts and the answer proper. Dataoorts'
 * reasoning models (catalog flag `reasoning`) answer "<thoughts>\n</think>\n\n<answer>", with no
 * opening <think> in the documented example; other models may echo both tags. One rule, here, for
 * the Dataoorts node, the Chat Model and (incrementally) streaming.
 */

export const THINK_OPEN = '<think>';
export const THINK_CLOSE = '</think>';

export interface ReasoningSplit {
	/** The thoughts, without tags, trimmed. */
	reasoning: string;
	/** What follows the last </think>, leading blank lines removed; '' when the thoughts were cut. */
	answer: string;
	/** False when a reasoning model's answer has no </think>: it was cut inside its thoughts. */
	closed: boolean;
}

/** Removes the blank lines an answer starts with, keeping the first line's own indentation. */
export function trimLeadingBlankLines(text: string): string {
	return text.replace(/^(?:[ \t]*\r?\n)+/, '');
}

function thoughtsOf(text: string): string {
	return text.split(THINK_OPEN).join('').split(THINK_CLOSE).join('').trim();
}

/**
 * The answer split at its last </think>; for a reasoning model without one, all of it is thoughts
 * (cut before the answer began). Undefined when there is nothing to split.
 */
export function splitReasoning(text: string, reasoningModel: boolean): ReasoningSplit | undefined {
	const close = text.lastIndexOf(THINK_CLOSE);
	if (close >= 0) {
		return {
			reasoning: thoughtsOf(text.slice(0, close)),
			answer: trimLeadingBlankLines(text.slice(close + THINK_CLOSE.length)),
			closed: true,
		};
	}
	return reasoningModel ? { reasoning: thoughtsOf(text), answer: '', closed: false } : undefined;
}
