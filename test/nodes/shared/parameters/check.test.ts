import { ParameterValidationError } from '../../../../nodes/shared/errors/errors';
import {
	checkModel,
	checkNumericOption,
	checkOptions,
} from '../../../../nodes/shared/parameters/check';
import { HYPERPARAMETERS } from '../../../../nodes/shared/parameters/table';

const spec = (option: string) => HYPERPARAMETERS.find((entry) => entry.option === option)!;

describe('checkNumericOption', () => {
	test('accepts the bounds and numeric strings', () => {
		expect(checkNumericOption(spec('temperature'), 0)).toBe(0);
		expect(checkNumericOption(spec('temperature'), 5)).toBe(5);
		expect(checkNumericOption(spec('temperature'), '2.5')).toBe(2.5);
		expect(checkNumericOption(spec('seed'), 9999999999)).toBe(9999999999);
	});

	test.each([
		['topK', 0, 'Top K is out of range: got 0, allowed is a whole number from 1 to 50'],
		['topK', 7.5, 'Top K is not a whole number: got 7.5, allowed is a whole number from 1 to 50'],
		[
			'temperature',
			'hot',
			'Sampling Temperature is not a number: got "hot", allowed is a number from 0 to 5',
		],
		[
			'temperature',
			'',
			'Sampling Temperature is not a number: got "", allowed is a number from 0 to 5',
		],
		[
			'temperature',
			null,
			'Sampling Temperature is not a number: got null, allowed is a number from 0 to 5',
		],
		[
			'topP',
			Number.POSITIVE_INFINITY,
			'Top P is not a number: got Infinity, allowed is a number from 0 to 2',
		],
		[
			'maxTokens',
			-3,
			'Maximum Number of Tokens is out of range: got -3, allowed is a whole number of at least 1',
		],
	])('%s = %p → %s', (option, value, message) => {
		expect(() => checkNumericOption(spec(option), value)).toThrow(
			new ParameterValidationError(`options.${option}`, message),
		);
	});
});

describe('numbers from expressions and sheets: decimal notation only', () => {
	test.each([
		['0.7', 0.7],
		[' 2 ', 2],
		['+1', 1],
		['1e-2', 0.01],
		['.5', 0.5],
		['2.', 2],
	])('%j → %p', (value, number) => {
		expect(checkNumericOption(spec('temperature'), value)).toBe(number);
	});

	test.each(['0x1', '0b1', '0o1', 'Infinity', '1_0', '1,5'])('%j is refused', (value) => {
		expect(() => checkNumericOption(spec('topP'), value)).toThrow(/^Top P is not a number/);
	});

	test('a form Number() would read is named as not decimal', () => {
		expect(() => checkNumericOption(spec('topK'), '0x1')).toThrow(
			'Top K is not a number in decimal notation: got "0x1", allowed is a whole number from 1 to 50',
		);
	});
});

test('checkModel sends any non-empty id as is', () => {
	expect(checkModel('acme/brand-new-model')).toBe('acme/brand-new-model');
	expect(() => checkModel('  ')).toThrow(/Model must be a model ID/);
	expect(() => checkModel(7)).toThrow(/got 7/);
});

test('checkOptions keeps only the hyperparameters and prices set and fills execution defaults', () => {
	expect(checkOptions({ topK: 3, somethingElse: 'ignored' })).toEqual({
		hyperparameters: { topK: 3 },
		execution: { concurrency: 5, maxRetries: 3, maxRateLimitWait: 300, timeout: 600_000 },
		prices: {},
	});
	expect(checkOptions({ outputPricePerMillion: '0.5' }).prices).toEqual({
		outputPricePerMillion: 0.5,
	});
	expect(() => checkOptions({ inputPricePerMillion: -1 })).toThrow(
		'Input Price per Million Tokens (USD) is out of range: got -1, allowed is a number of at least 0',
	);
});
