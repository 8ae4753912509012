import { ParameterValidationError } from '../../../nodes/shared/errors/errors';
import { checkMessages } from '../../../nodes/Dataoorts/validation';

describe('checkMessages', () => {
	test('keeps order, roles and text; numbers and objects from expressions become text', () => {
		expect(
			checkMessages([
				{ role: 'system', content: 'Be brief' },
				{ role: 'user', content: 42 },
				{ role: 'assistant', content: { a: 1 } },
			]),
		).toEqual([
			{ role: 'system', content: 'Be brief' },
			{ role: 'user', content: '42' },
			{ role: 'assistant', content: '{"a":1}' },
		]);
	});

	test.each([
		[[], 'messages.values'],
		[undefined, 'messages.values'],
		[[{ role: 'user', content: '   ' }], 'messages.values[0].content'],
		[
			[
				{ role: 'user', content: 'ok' },
				{ role: 'bot', content: 'x' },
			],
			'messages.values[1].role',
		],
	])('%j is rejected naming %s', (value, field) => {
		try {
			checkMessages(value);
			throw new Error('no error');
		} catch (error) {
			expect(error).toBeInstanceOf(ParameterValidationError);
			expect((error as ParameterValidationError).field).toBe(field);
			// In the panel's words: "Messages …" or "Message 2: Role …", not the JSON path.
			expect((error as Error).message).toMatch(/^Messages? /);
		}
	});
});
