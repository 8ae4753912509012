/** dispatcherFor: one pool per origin, or one proxy agent when n8n's proxy environment is set. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatcherFor, undici } from '../../../../../nodes/shared/transport/connection/dispatcher';
import {
	closeDispatchers,
	processState,
	resetProcessState,
} from '../../../../../nodes/shared/transport/process-state';
import { startTestProxy } from '../../../../helpers/proxy';

/** n8n's proxy variables, in either case: cleared before each test, restored after. */
const PROXY_VARS = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY'].flatMap((name) => [
	name,
	name.toLowerCase(),
]);
const saved: Record<string, string | undefined> = {};

beforeEach(async () => {
	for (const name of PROXY_VARS) {
		saved[name] = process.env[name];
		delete process.env[name];
	}
	await resetProcessState();
});

afterEach(async () => {
	for (const name of PROXY_VARS) {
		if (saved[name] === undefined) delete process.env[name];
		else process.env[name] = saved[name];
	}
	await resetProcessState();
});

describe('without a proxy', () => {
	test('one pool per origin, kept for the process', () => {
		const a = dispatcherFor('https://a.example.com');
		expect(a).toBeInstanceOf(undici().Pool);
		expect(dispatcherFor('https://a.example.com')).toBe(a);
		const b = dispatcherFor('https://b.example.com');
		expect(b).not.toBe(a);
		expect(dispatcherFor('https://a.example.com:8443')).not.toBe(a);
		expect([...processState.pools.keys()]).toEqual([
			'https://a.example.com',
			'https://b.example.com',
			'https://a.example.com:8443',
		]);
		expect(processState.proxyAgent).toBeUndefined();
	});

	test('closing the dispatchers closes the pools; the next request opens a new one', async () => {
		const a = dispatcherFor('https://a.example.com');
		await closeDispatchers();
		expect((a as unknown as { closed: boolean }).closed).toBe(true);
		expect(processState.pools.size).toBe(0);
		expect(dispatcherFor('https://a.example.com')).not.toBe(a);
	});
});

describe('with a proxy in the environment', () => {
	test.each(['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy'])(
		'%s alone selects one proxy agent for every origin, and no pool',
		(name) => {
			process.env[name] = 'http://127.0.0.1:3128';
			const agent = dispatcherFor('https://a.example.com');
			expect(agent).toBeInstanceOf(undici().EnvHttpProxyAgent);
			expect(dispatcherFor('http://127.0.0.1:9')).toBe(agent);
			expect(processState.pools.size).toBe(0);
		},
	);

	test('NO_PROXY alone is no proxy: pools as before', () => {
		process.env.NO_PROXY = 'example.com';
		expect(dispatcherFor('https://a.example.com')).toBeInstanceOf(undici().Pool);
	});

	test('the agent is kept while the environment stays, replaced (and closed) when it changes', async () => {
		process.env.HTTPS_PROXY = 'http://127.0.0.1:3128';
		const first = dispatcherFor('https://a.example.com');
		expect(dispatcherFor('https://a.example.com')).toBe(first);
		process.env.NO_PROXY = 'a.example.com';
		const second = dispatcherFor('https://a.example.com');
		expect(second).not.toBe(first);
		await new Promise((resolve) => setImmediate(resolve));
		expect((first as unknown as { closed: boolean }).closed).toBe(true);
		process.env.NO_PROXY = 'b.example.com';
		expect(dispatcherFor('https://a.example.com')).not.toBe(second);
	});

	test('a request goes through the proxy; NO_PROXY exempts the host', async () => {
		const target = http.createServer((_req, res) => res.end('direct'));
		await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
		const origin = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
		const proxy = await startTestProxy();
		const get = async () => {
			const answer = await undici().request(`${origin}/x`, { dispatcher: dispatcherFor(origin) });
			return await answer.body.text();
		};
		try {
			process.env.http_proxy = proxy.url;
			expect(await get()).toBe('direct');
			expect(proxy.targets).toEqual([new URL(origin).host]);
			process.env.no_proxy = '127.0.0.1';
			expect(await get()).toBe('direct');
			expect(proxy.targets).toHaveLength(1);
		} finally {
			await resetProcessState();
			await proxy.close();
			target.closeAllConnections();
			await new Promise((resolve) => target.close(resolve));
		}
	});
});
