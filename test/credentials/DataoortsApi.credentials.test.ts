/**
 * The credential: hidden key, generic Bearer auth (usable by the HTTP Request node), and no
 * declarative test request (the Dataoorts node's credential test is the Test button).
 */
import { DataoortsApi } from '../../credentials/DataoortsApi.credentials';

const credential = new DataoortsApi();

test('public contract: type dataoortsApi with a hidden, required apiKey and a baseUrl', () => {
	expect(credential.name).toBe('dataoortsApi');
	expect(credential.displayName).toBe('Dataoorts API');
	const apiKey = credential.properties.find((property) => property.name === 'apiKey')!;
	expect(apiKey).toMatchObject({ type: 'string', required: true, typeOptions: { password: true } });
	const baseUrl = credential.properties.find((property) => property.name === 'baseUrl')!;
	expect(baseUrl.default).toBe('https://cloud.dataoorts.com/api/v1');
	expect(
		credential.properties.find((property) => property.name === 'allowInsecureHttp')?.default,
	).toBe(false);
});

test('generic Bearer authentication, so the HTTP Request node can use it', () => {
	expect(credential.authenticate).toEqual({
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
	});
});

test("no declarative test request: n8n would run it instead of the node's own credential test", () => {
	// The Test button runs nodes/Dataoorts/credential-test.ts (tested in test/nodes/Dataoorts).
	expect((credential as { test?: unknown }).test).toBeUndefined();
});
