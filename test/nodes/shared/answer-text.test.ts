/** What an answer's text says beyond its words: thoughts apart, and whether it was cut. */
import { readAnswerText } from '../../../nodes/shared/answer-text';

const REASONING = 'qwen/qwq-32b';
const PLAIN = 'google/gemma-3-12b-it';

describe('readAnswerText', () => {
	test('a reasoning model: thoughts and answer apart, not cut', () => {
		expect(readAnswerText('hmm\n</think>\n\nParis', REASONING, 100, 10)).toEqual({
			split: { reasoning: 'hmm', answer: 'Paris', closed: true },
			truncated: false,
		});
	});

	test('a reasoning model whose thoughts never close was cut, also under the token limit', () => {
		expect(readAnswerText('still thinking', REASONING, 100, 10)).toEqual({
			split: { reasoning: 'still thinking', answer: '', closed: false },
			truncated: true,
		});
	});

	test('a reasoning model without a token limit and thoughts unclosed: cut', () => {
		expect(readAnswerText('thinking', REASONING, undefined, 5).truncated).toBe(true);
	});

	test('a plain model: nothing to split, not cut', () => {
		expect(readAnswerText('Paris', PLAIN, 100, 3)).toEqual({ split: undefined, truncated: false });
	});

	test('a plain model that still echoes </think>: split there', () => {
		expect(readAnswerText('<think>x</think>y', PLAIN, undefined, 3)).toEqual({
			split: { reasoning: 'x', answer: 'y', closed: true },
			truncated: false,
		});
	});

	test('a model By ID (not in the catalog) is read as a plain model', () => {
		expect(readAnswerText('no tags', 'someone/new-model', undefined, 3)).toEqual({
			split: undefined,
			truncated: false,
		});
	});

	test.each([
		[100, 100, true],
		[100, 101, true],
		[100, 99, false],
		[undefined, 1_000_000, false],
	])('max tokens %s, completion tokens %s: truncated %s', (maxTokens, completion, truncated) => {
		expect(readAnswerText('Paris', PLAIN, maxTokens, completion).truncated).toBe(truncated);
	});

	test('text that is not a string (no content): no split, cut only by the token count', () => {
		expect(readAnswerText(null, REASONING, 10, 10)).toEqual({ split: undefined, truncated: true });
		expect(readAnswerText(undefined, REASONING, 10, 2)).toEqual({
			split: undefined,
			truncated: false,
		});
	});
});
