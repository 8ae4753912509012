import { readUsage } from '../../../nodes/shared/usage';
import type { DataoortsEnvelope } from '../../../nodes/shared/wire';

const answerWith = (usage: unknown) =>
	({
		success: true,
		errors: [],
		messages: [],
		result: { response: 'ok', usage },
	}) as unknown as DataoortsEnvelope;

describe('readUsage', () => {
	test('the documented counts', () => {
		expect(
			readUsage(answerWith({ prompt_tokens: 21, completion_tokens: 512, total_tokens: 533 })),
		).toEqual({
			promptTokens: 21,
			completionTokens: 512,
			totalTokens: 533,
		});
	});

	test('a missing total is prompt + completion; a given total is kept as given', () => {
		expect(readUsage(answerWith({ prompt_tokens: 3, completion_tokens: 4 })).totalTokens).toBe(7);
		expect(
			readUsage(answerWith({ prompt_tokens: 3, completion_tokens: 4, total_tokens: 9 }))
				.totalTokens,
		).toBe(9);
	});

	test('no usage, or counts that are not finite numbers, read as 0', () => {
		expect(readUsage(answerWith(undefined))).toEqual({
			promptTokens: 0,
			completionTokens: 0,
			totalTokens: 0,
		});
		expect(
			readUsage(
				answerWith({ prompt_tokens: '5', completion_tokens: Infinity, total_tokens: null }),
			),
		).toEqual({ promptTokens: 0, completionTokens: 0, totalTokens: 0 });
	});
});
