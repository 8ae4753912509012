/** The one split rule the node, the Chat Model and streaming share. */
import { splitReasoning, trimLeadingBlankLines } from '../../../nodes/shared/reasoning';

test.each([
	[
		'thoughts\n</think>\n\nanswer',
		false,
		{ reasoning: 'thoughts', answer: 'answer', closed: true },
	],
	[
		'<think>\nthoughts\n</think>answer',
		false,
		{ reasoning: 'thoughts', answer: 'answer', closed: true },
	],
	['a</think>b</think>\r\n\r\n c', true, { reasoning: 'ab', answer: ' c', closed: true }],
	['</think>', true, { reasoning: '', answer: '', closed: true }],
	['still thinking', true, { reasoning: 'still thinking', answer: '', closed: false }],
	['<think>still', true, { reasoning: 'still', answer: '', closed: false }],
])('%j (reasoning model: %s)', (text, reasoningModel, split) => {
	expect(splitReasoning(text, reasoningModel)).toEqual(split);
});

test('a model that is not a reasoning model, without </think>: nothing to split', () => {
	expect(splitReasoning('<think>no close', false)).toBeUndefined();
});

test('only blank lines are trimmed, not the first line’s indentation or trailing text', () => {
	expect(trimLeadingBlankLines('\n \t\n  code\n\n')).toBe('  code\n\n');
});
