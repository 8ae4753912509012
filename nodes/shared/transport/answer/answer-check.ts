/**
 * Checks a `success: true` envelope before anyone uses it, so a malformed answer is a clear
 * error instead of an empty `response` or a negative token count further down the line.
 */
import { DataoortsAnswerError } from '../../errors/errors';
import type { DataoortsEnvelope } from '../../wire';

export interface AnswerRules {
	/**
	 * Guided JSON was asked for: upstreams in the Workers-AI style then hand back the reply
	 * already parsed, so `response` may be any JSON value.
	 */
	structuredResponse?: boolean;
	/** An image model's envelope: its result holds `image_base64`, not `response`. */
	imageAnswer?: boolean;
}

/** More than any model's context window by orders of magnitude: a count above it is garbage. */
export const MAX_TOKEN_COUNT = 1_000_000_000;

const USAGE_KEYS = ['prompt_tokens', 'completion_tokens', 'total_tokens'] as const;

function kindOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value}`;
}

function toolCallsProblem(toolCalls: unknown): string | undefined {
	if (toolCalls === undefined || toolCalls === null) return undefined;
	if (!Array.isArray(toolCalls)) return `result.tool_calls is ${kindOf(toolCalls)}, not a list`;
	const index = toolCalls.findIndex(
		(entry) => entry === null || typeof entry !== 'object' || Array.isArray(entry),
	);
	return index === -1
		? undefined
		: `result.tool_calls[${index}] is ${kindOf(toolCalls[index])}, not an object`;
}

function responseProblem(
	response: unknown,
	hasToolCalls: boolean,
	rules: AnswerRules,
): string | undefined {
	if (typeof response === 'string') return undefined;
	// A tool-call turn carries no text.
	if ((response === null || response === undefined) && hasToolCalls) return undefined;
	if (response === undefined) return 'it has no result.response (no text and no tool calls)';
	if (response !== null && rules.structuredResponse) return undefined;
	return `result.response is ${kindOf(response)}, not text`;
}

/** Drops usage counts that are not whole numbers from 0 to MAX_TOKEN_COUNT; keeps the answer. */
function cleanUsage(result: DataoortsEnvelope['result']): void {
	const usage = result.usage as unknown;
	if (usage === undefined) return;
	if (usage === null || typeof usage !== 'object' || Array.isArray(usage)) {
		delete result.usage;
		return;
	}
	const counts = usage as Record<string, unknown>;
	for (const key of USAGE_KEYS) {
		const count = counts[key];
		if (count === undefined) continue;
		const valid =
			typeof count === 'number' &&
			Number.isSafeInteger(count) &&
			count >= 0 &&
			count <= MAX_TOKEN_COUNT;
		if (!valid) delete counts[key];
	}
}

/** Returns the answer (usage cleaned in place) or throws DATAOORTS_INVALID_RESPONSE naming the fault. */
export function checkAnswer(
	answer: DataoortsEnvelope,
	status: number,
	rules: AnswerRules = {},
): DataoortsEnvelope {
	const { result } = answer;
	const problem = rules.imageAnswer
		? undefined
		: (toolCallsProblem(result.tool_calls) ??
			responseProblem(
				result.response,
				Array.isArray(result.tool_calls) && result.tool_calls.length > 0,
				rules,
			));
	if (problem !== undefined) {
		throw new DataoortsAnswerError(
			'DATAOORTS_INVALID_RESPONSE',
			`Dataoorts answered ${status} with success: true, but the answer is unusable: ${problem}`,
			status,
		);
	}
	cleanUsage(result);
	return answer;
}
