import { checkApiKey } from '../../../../../nodes/shared/transport/request/api-key';
import { DataoortsCredentialError } from '../../../../../nodes/shared/errors/errors';

test('outer whitespace (spaces, tabs, line breaks, no-break spaces) is trimmed', () => {
	expect(checkApiKey('  dk-abc_123.XYZ=\n')).toBe('dk-abc_123.XYZ=');
	expect(checkApiKey('\u00a0\tdk-abc\r\n')).toBe('dk-abc');
});

test.each([
	['dk-ab\ncd', 'a line break'],
	['dk-ab\r\ncd', 'a line break'],
	['dk-ab\u0000cd', 'a control character'],
	['dk-ab\tcd', 'a control character'],
	['Bearer dk-abcd', 'a space (enter the key alone, without "Bearer ")'],
	['dk-abé', 'a character outside plain ASCII'],
	['dk-ab€', 'a character outside plain ASCII'],
	['\u201cdk-abcd\u201d', 'a character outside plain ASCII'],
])('%j → a credential error naming %s, never quoting the key', (key, problem) => {
	let error: unknown;
	try {
		checkApiKey(key);
	} catch (caught) {
		error = caught;
	}
	expect(error).toBeInstanceOf(DataoortsCredentialError);
	const credentialError = error as DataoortsCredentialError;
	expect(credentialError.code).toBe('DATAOORTS_INVALID_KEY');
	expect(credentialError.retryable).toBe(false);
	expect(credentialError.message).toContain(problem);
	expect(credentialError.message).toContain('nothing was sent');
	expect(credentialError.message).not.toContain('dk-ab');
});

test.each([[''], ['   '], [undefined], [42]])('%p is an empty key', (key) => {
	expect(() => checkApiKey(key)).toThrow("The credential's API Key is empty");
});
