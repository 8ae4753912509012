/** The answer's token usage, read once for both nodes. */
import type { DataoortsEnvelope } from './wire';

export interface TokenUsage {
	promptTokens: number;
	completionTokens: number;
	totalTokens: number;
}

/** A token count from the API's usage, 0 when absent or not a number. */
function tokenCount(value: unknown): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Counts from `result.usage`; a missing total is the sum of the other two. */
export function readUsage(answer: DataoortsEnvelope): TokenUsage {
	const usage = answer.result.usage ?? {};
	const promptTokens = tokenCount(usage.prompt_tokens);
	const completionTokens = tokenCount(usage.completion_tokens);
	const totalTokens =
		usage.total_tokens === undefined
			? promptTokens + completionTokens
			: tokenCount(usage.total_tokens);
	return { promptTokens, completionTokens, totalTokens };
}
