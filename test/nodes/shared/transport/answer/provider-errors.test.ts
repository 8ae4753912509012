import {
	describeProviderErrors,
	providerErrorsOf,
} from '../../../../../nodes/shared/transport/answer/provider-errors';
import { createRedactor } from '../../../../../nodes/shared/transport/answer/redact';

const KEY = 'dk-provider-errors-test-key-0123456789';
const redactor = createRedactor(KEY);

describe('providerErrorsOf', () => {
	test("reads the documented envelope's code and message", () => {
		const body = { success: false, errors: [{ code: 10000, message: 'Authentication error' }] };
		expect(providerErrorsOf(body, redactor)).toEqual([
			{ code: 10000, message: 'Authentication error' },
		]);
	});

	test('no errors list, or not a list: none', () => {
		expect(providerErrorsOf(null, redactor)).toEqual([]);
		expect(providerErrorsOf({ errors: 'bad' }, redactor)).toEqual([]);
		expect(providerErrorsOf('text', redactor)).toEqual([]);
	});

	test('entries that are not objects are skipped; a code that is not a number is left out; a message that is not text is quoted as JSON', () => {
		const body = { errors: [null, 7, { code: '5', message: 'm' }, { code: 5006, detail: 'x' }] };
		expect(providerErrorsOf(body, redactor)).toEqual([
			{ message: 'm' },
			{ code: 5006, message: '{"code":5006,"detail":"x"}' },
		]);
	});

	test('the key is scrubbed from messages', () => {
		const body = { errors: [{ code: 1, message: `bad key ${KEY}` }] };
		const [entry] = providerErrorsOf(body, redactor);
		expect(entry.message).not.toContain(KEY);
	});

	test('at most 10 entries of at most 500 characters (and an ellipsis) each', () => {
		const body = { errors: Array.from({ length: 15 }, () => ({ message: 'x'.repeat(600) })) };
		const errors = providerErrorsOf(body, redactor);
		expect(errors).toHaveLength(10);
		expect(errors[0].message).toBe(`${'x'.repeat(500)}…`);
	});
});

describe('describeProviderErrors', () => {
	test('messages with their codes, joined', () => {
		expect(
			describeProviderErrors([{ code: 3036, message: 'Account limited' }, { message: 'later' }]),
		).toBe('Account limited (code 3036); later');
	});
});
