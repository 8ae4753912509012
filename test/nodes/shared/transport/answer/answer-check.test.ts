import {
	MAX_TOKEN_COUNT,
	checkAnswer,
	type AnswerRules,
} from '../../../../../nodes/shared/transport/answer/answer-check';
import { DataoortsAnswerError } from '../../../../../nodes/shared/errors/errors';
import type { DataoortsEnvelope } from '../../../../../nodes/shared/wire';

function answer(result: Record<string, unknown>): DataoortsEnvelope {
	return { success: true, errors: [], messages: [], result } as unknown as DataoortsEnvelope;
}

function problem(result: Record<string, unknown>, rules?: AnswerRules): string {
	try {
		checkAnswer(answer(result), 200, rules);
	} catch (error) {
		expect(error).toBeInstanceOf(DataoortsAnswerError);
		expect((error as DataoortsAnswerError).code).toBe('DATAOORTS_INVALID_RESPONSE');
		expect((error as DataoortsAnswerError).retryable).toBe(false);
		return (error as Error).message;
	}
	throw new Error('expected the answer to be refused');
}

test('a text answer with good usage and tool calls passes unchanged', () => {
	const good = answer({
		response: 'hi',
		tool_calls: [{ name: 'x', arguments: {} }],
		usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
	});
	expect(checkAnswer(good, 200)).toEqual(good);
});

test.each([
	[{}, 'it has no result.response (no text and no tool calls)'],
	[{ response: 42 }, 'result.response is a number, not text'],
	[{ response: { a: 1 } }, 'result.response is an object, not text'],
	[{ response: null }, 'result.response is null, not text'],
	[{ response: 'x', tool_calls: 'call' }, 'result.tool_calls is a string, not a list'],
	[{ response: 'x', tool_calls: [{}, 'call'] }, 'result.tool_calls[1] is a string, not an object'],
	[{ response: 'x', tool_calls: [[1]] }, 'result.tool_calls[0] is a list, not an object'],
	[{ response: null, tool_calls: [] }, 'result.response is null, not text'],
])('%j → "%s"', (result, expected) => {
	expect(problem(result)).toBe(
		`Dataoorts answered 200 with success: true, but the answer is unusable: ${expected}`,
	);
});

test('a tool-call turn may have no text', () => {
	expect(() =>
		checkAnswer(answer({ response: null, tool_calls: [{ name: 'a' }] }), 200),
	).not.toThrow();
	expect(() => checkAnswer(answer({ tool_calls: [{ name: 'a' }] }), 200)).not.toThrow();
});

test('with guided JSON, the reply may be any JSON value, but not null', () => {
	for (const response of [{ a: 1 }, [1], 7, true]) {
		expect(() =>
			checkAnswer(answer({ response }), 200, { structuredResponse: true }),
		).not.toThrow();
	}
	expect(problem({ response: null }, { structuredResponse: true })).toContain('is null');
});

test('bad usage counts are dropped, the answer kept', () => {
	const checked = checkAnswer(
		answer({
			response: 'ok',
			usage: {
				prompt_tokens: -3,
				completion_tokens: 2.5,
				total_tokens: MAX_TOKEN_COUNT + 1,
				other: 'kept',
			},
		}),
		200,
	);
	expect(checked.result).toEqual({ response: 'ok', usage: { other: 'kept' } });
	const strings = checkAnswer(answer({ response: 'ok', usage: { prompt_tokens: '5' } }), 200);
	expect(strings.result.usage).toEqual({});
	expect(checkAnswer(answer({ response: 'ok', usage: 'lots' }), 200).result).toEqual({
		response: 'ok',
	});
	expect(
		checkAnswer(
			answer({ response: 'ok', usage: { prompt_tokens: 0, total_tokens: MAX_TOKEN_COUNT } }),
			200,
		).result.usage,
	).toEqual({ prompt_tokens: 0, total_tokens: MAX_TOKEN_COUNT });
});
