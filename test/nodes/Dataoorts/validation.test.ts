import { HYPERPARAMETERS } from '../../../nodes/Dataoorts/parameters';
import {
	ParameterValidationError,
	checkMessages,
	checkModel,
	checkNumericOption,
	checkOptions,
} from '../../../nodes/Dataoorts/validation';

const spec = (option: string) => HYPERPARAMETERS.find((entry) => entry.option === option)!;

describe('checkNumericOption', () => {
	test('accepts the bounds and numeric strings', () => {
		expect(checkNumericOption(spec('temperature'), 0)).toBe(0);
		expect(checkNumericOption(spec('temperature'), 5)).toBe(5);
		expect(checkNumericOption(spec('temperature'), '2.5')).toBe(2.5);
		expect(checkNumericOption(spec('seed'), 9999999999)).toBe(9999999999);
	});

	test.each([
		[
			'topK',
			0,
			'Top K (options.topK) is out of range: got 0, allowed is a whole number from 1 to 50',
		],
		[
			'topK',
			7.5,
			'Top K (options.topK) is not a whole number: got 7.5, allowed is a whole number from 1 to 50',
		],
		[
			'temperature',
			'hot',
			'Sampling Temperature (options.temperature) is not a number: got "hot", allowed is a number from 0 to 5',
		],
		[
			'temperature',
			'',
			'Sampling Temperature (options.temperature) is not a number: got "", allowed is a number from 0 to 5',
		],
		[
			'temperature',
			null,
			'Sampling Temperature (options.temperature) is not a number: got null, allowed is a number from 0 to 5',
		],
		[
			'topP',
			Number.POSITIVE_INFINITY,
			'Top P (options.topP) is not a number: got Infinity, allowed is a number from 0 to 2',
		],
		[
			'maxTokens',
			-3,
			'Maximum Number of Tokens (options.maxTokens) is out of range: got -3, allowed is a whole number of at least 1',
		],
	])('%s = %p → %s', (option, value, message) => {
		expect(() => checkNumericOption(spec(option), value)).toThrow(
			new ParameterValidationError(`options.${option}`, value, message),
		);
	});
});

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
			expect((error as Error).message).toContain(field);
		}
	});
});

test('checkModel sends any non-empty id as is', () => {
	expect(checkModel('acme/brand-new-model')).toBe('acme/brand-new-model');
	expect(() => checkModel('  ')).toThrow(/Model \(model\) must be a model ID/);
	expect(() => checkModel(7)).toThrow(/got 7/);
});

test('checkOptions keeps only the hyperparameters set and fills execution defaults', () => {
	expect(checkOptions({ topK: 3, somethingElse: 'ignored' })).toEqual({
		hyperparameters: { topK: 3 },
		execution: { concurrency: 5, maxRetries: 3, maxRateLimitWait: 300, timeout: 600_000 },
	});
});
