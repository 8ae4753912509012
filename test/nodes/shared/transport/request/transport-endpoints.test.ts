/**
 * Where the transport sends the key: redirects are not followed, plain http goes only to this
 * machine unless the credential allows it, and proxies are taken from n8n's environment.
 */
import { checkEndpoint, closeDispatchers } from '../../../../../nodes/shared/transport';
import { connectionFromCredentials } from '../../../../../nodes/shared/connection';
import { useFakeClock } from '../../../../helpers/fake-clock';
import { startTestProxy } from '../../../../helpers/proxy';
import { failure, sendHarness } from '../../../../helpers/send';
import { startDataoortsServer, useDataoortsServer } from '../../../../helpers/server';

const server = useDataoortsServer();
const clock = useFakeClock();
const { request, send } = sendHarness(server, clock);

describe('where the key may go', () => {
	test('redirects are not followed: the key never reaches the other URL', async () => {
		const other = await startDataoortsServer();
		try {
			server.current.setFaultPlan(() => ({ kind: 'redirect', argument: other.baseUrl }));
			const error = await failure(send(request('redirect me')));
			expect(error.code).toBe('DATAOORTS_REDIRECT');
			expect(error.message).toContain('redirects are not followed');
			expect(server.current.requests).toHaveLength(1);
			expect(other.requests).toHaveLength(0);
		} finally {
			await other.close();
		}
	});

	test('plain http is refused for a non-loopback host unless the credential allows it', () => {
		expect(() => checkEndpoint('http://api.example.com/v1')).toThrow(
			'Refusing to send the API key over plain http:// to api.example.com',
		);
		expect(checkEndpoint('http://api.example.com/v1', true).host).toBe('api.example.com');
		for (const loopback of [
			'http://127.0.0.1:8080/api/v1',
			'http://localhost/api/v1',
			'http://[::1]:9/x',
			'https://cloud.dataoorts.com/api/v1',
		]) {
			expect(() => checkEndpoint(loopback)).not.toThrow();
		}
		expect(() => checkEndpoint('ftp://x')).toThrow(/must start with https:\/\//);
		expect(() => checkEndpoint('not a url')).toThrow(/not a valid URL/);
	});

	test('a refused URL sends nothing, even with retries', async () => {
		const error = await failure(
			send(
				request('x', {
					connection: connectionFromCredentials({
						baseUrl: 'http://api.example.com/v1',
						apiKey: 'k',
					}),
					maxRetries: 3,
				}),
			),
		);
		expect(error.code).toBe('DATAOORTS_INSECURE_URL');
		expect(error.attempts).toBe(1);
	});
});

describe('proxies, as n8n reads them from the environment', () => {
	const saved = { ...process.env };
	afterEach(async () => {
		for (const name of [
			'HTTP_PROXY',
			'HTTPS_PROXY',
			'NO_PROXY',
			'http_proxy',
			'https_proxy',
			'no_proxy',
		]) {
			if (saved[name] === undefined) delete process.env[name];
			else process.env[name] = saved[name];
		}
		await closeDispatchers();
	});

	test('HTTP_PROXY carries the request; NO_PROXY exempts the host', async () => {
		const proxy = await startTestProxy();
		try {
			process.env.HTTP_PROXY = proxy.url;
			delete process.env.NO_PROXY;
			delete process.env.no_proxy;
			await send(request('via proxy'));
			expect(proxy.targets).toEqual([new URL(server.current.origin).host]);

			process.env.NO_PROXY = '127.0.0.1';
			await send(request('direct'));
			expect(proxy.targets).toHaveLength(1);
			expect(server.current.requests).toHaveLength(2);
		} finally {
			await closeDispatchers();
			await proxy.close();
		}
	});
});
