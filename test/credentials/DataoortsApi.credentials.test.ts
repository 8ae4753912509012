/**
 * The credential: hidden key, generic Bearer auth (usable by the HTTP Request node) and a test
 * request that tells a good key from a bad one against the loopback API.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import { DataoortsApi } from '../../credentials/DataoortsApi.credentials';
import { SECRET_KEY } from '../helpers/fixtures';
import { useDataoortsServer } from '../helpers/server';

const server = useDataoortsServer({ apiKey: SECRET_KEY });
const credential = new DataoortsApi();

/** Resolves the `={{$credentials.x}}` templates the credential declares, as n8n's expression engine would. */
function resolve(template: unknown, values: Record<string, string>): string {
	const text = String(template);
	expect(text.startsWith('=')).toBe(true);
	return text
		.slice(1)
		.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, name: string) => values[name]);
}

async function sendTestRequest(apiKey: string) {
	const values = { apiKey, baseUrl: server.current.baseUrl };
	const { request, rules } = credential.test;
	const headers = credential.authenticate.properties.headers as Record<string, string>;
	const response = await fetch(resolve(request.baseURL, values) + (request.url ?? ''), {
		method: request.method,
		headers: {
			'content-type': 'application/json',
			authorization: resolve(headers.Authorization, values),
		},
		body: JSON.stringify((request as IHttpRequestOptions).body),
	});
	const body = (await response.json()) as Record<string, unknown>;
	const failedRule = rules?.find(
		(rule) =>
			rule.type === 'responseSuccessBody' && body[rule.properties.key] === rule.properties.value,
	);
	return { status: response.status, body, failedRule };
}

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

test('the test request passes with the right key: a 1-token request', async () => {
	const result = await sendTestRequest(SECRET_KEY);
	expect(result.status).toBe(200);
	expect(result.body.success).toBe(true);
	expect(result.failedRule).toBeUndefined();
	expect(server.current.requests[0].body.data.max_tokens).toBe(1);
});

test('the test request fails with a wrong key: 401 from the API', async () => {
	const result = await sendTestRequest('wrong-key');
	expect(result.status).toBe(401);
	expect(result.body.success).toBe(false);
	expect(result.failedRule).toBeDefined();
});
