/**
 * The credential's Test button through n8n's credential-test path (test/helpers/credential-tester.ts)
 * against the loopback API: it obeys the node's rules and costs exactly one 1-token request.
 */
import { CREDENTIAL_TEST_BODY } from '../../../nodes/shared/credential-test';
import { DataoortsApi } from '../../../credentials/DataoortsApi.credentials';
import { PACKAGE_NODES, findCredentialTest, testCredential } from '../../helpers/credential-tester';
import { SECRET_KEY } from '../../helpers/fixtures';
import { startDataoortsServer, useDataoortsServer } from '../../helpers/server';

const server = useDataoortsServer({ apiKey: SECRET_KEY });

async function runTest(data: { apiKey?: string; baseUrl?: string; allowInsecureHttp?: boolean }) {
	return await testCredential({
		apiKey: SECRET_KEY,
		baseUrl: server.current.baseUrl,
		...data,
	});
}

test("n8n runs the Dataoorts node's test function: the credential type has no `test` of its own", () => {
	expect((new DataoortsApi() as { test?: unknown }).test).toBeUndefined();
	expect(findCredentialTest(new DataoortsApi(), PACKAGE_NODES)).toBe(
		PACKAGE_NODES[0].methods!.credentialTest!.dataoortsApiTest,
	);
});

test('the right key passes, with exactly one 1-token request', async () => {
	await expect(runTest({})).resolves.toEqual({
		status: 'OK',
		message: 'Connection successful: Dataoorts answered a 1-token request',
	});
	expect(server.current.requests).toHaveLength(1);
	expect(server.current.requests[0].body).toEqual(CREDENTIAL_TEST_BODY);
	expect(server.current.requests[0].body.data.max_tokens).toBe(1);
	expect(server.current.requests[0].authorization).toBe(`Bearer ${SECRET_KEY}`);
});

test("a wrong key shows Dataoorts' own message and code, and the hint", async () => {
	const result = await runTest({ apiKey: 'dk-wrong-key' });
	expect(result).toEqual({
		status: 'Error',
		message:
			'Dataoorts answered 401: Authentication error (code 10000). Check the API key in the Dataoorts credential.',
	});
});

test('a 403, a 503 and a rate limit fail after one request each: no retries, each is billed', async () => {
	for (const status of [403, 503, 429]) {
		server.current.reset();
		server.current.setFaultPlan(() => ({ kind: 'status', status, retryAfter: '0' }));
		const result = await runTest({});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(new RegExp(`^Dataoorts answered ${status}: .+ \\(code \\d+\\)`));
		expect(server.current.requests).toHaveLength(1);
	}
});

test('a redirect is not followed: the key never reaches the other URL', async () => {
	const other = await startDataoortsServer({ apiKey: SECRET_KEY });
	try {
		server.current.setFaultPlan(() => ({ kind: 'redirect', argument: other.baseUrl }));
		const result = await runTest({});
		expect(result.status).toBe('Error');
		expect(result.message).toContain(
			'Dataoorts answered 307 (a redirect); redirects are not followed',
		);
		expect(other.requests).toHaveLength(0);
	} finally {
		await other.close();
	}
});

test('plain http to a host other than this machine is refused before anything is sent (Allow Plain HTTP off)', async () => {
	const result = await runTest({ baseUrl: 'http://dataoorts.internal.example/api/v1' });
	expect(result).toEqual({
		status: 'Error',
		message:
			'Refusing to send the API key over plain http:// to dataoorts.internal.example; use https://, or turn on "Allow Plain HTTP" in the credential for a trusted private network. No request was sent.',
	});
});

test.each([
	['an HTML page', 'html-200', 'with a body that is not valid JSON (text/html)'],
	['JSON without the success envelope', 'json-200', 'not the documented envelope'],
	['an envelope without an answer', 'malformed:empty-result', 'no result.response'],
])('a 2xx with %s fails', async (_name, fault, expected) => {
	const [kind, argument] = fault.split(':');
	server.current.setFaultPlan(() => ({ kind, argument }));
	const result = await runTest({});
	expect(result.status).toBe('Error');
	expect(result.message).toContain(
		`Dataoorts answered 200 ${expected.startsWith('with') ? '' : ''}`,
	);
	expect(result.message).toContain(expected);
});

test('the key never shows: an echoing 401, a key with a line break, a password in a broken URL', async () => {
	server.current.setFaultPlan(() => ({ kind: 'echo-401' }));
	const echoed = await runTest({});
	expect(echoed.message).toContain('Dataoorts answered 401: Invalid API key: Bearer [redacted]');
	const broken = await runTest({ apiKey: `${SECRET_KEY}\nX-Injected: 1` });
	expect(broken.message).toContain("The credential's API Key contains a line break");
	const url = await runTest({ baseUrl: 'ht tp://user:hunter2@example.com/api/v1' });
	expect(url.message).toContain('"ht tp://***@example.com/api/v1"');
	for (const result of [echoed, broken, url]) {
		expect(result.status).toBe('Error');
		expect(result.message).not.toContain(SECRET_KEY);
		expect(result.message).not.toContain('hunter2');
	}
	expect(server.current.requests).toHaveLength(1);
});
