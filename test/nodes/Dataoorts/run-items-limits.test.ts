/**
 * A load test with injected faults and the node's limits through n8n-core's WorkflowExecute:
 * redirects, the body cap, resets and slow answers, a proxy from n8n's environment and plain http
 * to another host. On fake time.
 */
import { closeDispatchers } from '../../../nodes/shared/transport';
import { runWorkflow } from '../../helpers/engine';
import { runAgainst } from '../../helpers/run-against';
import { useFakeClock } from '../../helpers/fake-clock';
import { startTestProxy } from '../../helpers/proxy';
import { expectInOrder, perItem, questions } from '../../helpers/questions';
import { startDataoortsServer, useDataoortsServer, type FaultPlan } from '../../helpers/server';

const server = useDataoortsServer();
const clock = useFakeClock();
const run = runAgainst(server, clock);

test('load: 1,000 items, ~10% injected faults, concurrency 32 → every item succeeds, in order, none lost or duplicated', async () => {
	const count = 1000;
	// A fixed, spread-out 10%: every item whose number ends in 3 fails its first attempt, with
	// a rotating fault: rate limit, server errors, a reset connection, an HTML error page.
	const faults: Array<ReturnType<FaultPlan>> = [
		{ kind: 'status', status: 429, retryAfter: '0' },
		{ kind: 'status', status: 500 },
		{ kind: 'status', status: 503 },
		{ kind: 'reset' },
		{ kind: 'html' },
	];
	server.current.setFaultPlan(({ body, attempt }) => {
		const index = Number(String(body.data.messages[0].content).slice(1));
		return index % 10 === 3 && attempt === 1
			? faults[Math.floor(index / 10) % faults.length]
			: undefined;
	});
	const started = clock.current.now();
	const result = await run(
		{ parameters: { messages: perItem, options: { concurrency: 32 } } },
		questions(count),
	);
	const elapsed = clock.current.now() - started;

	expect(result.error).toBeUndefined();
	expectInOrder(result.outputs![0], count);
	const injected = server.current.requests.filter((request) => request.fault !== undefined).length;
	expect(injected).toBe(count / 10);
	expect(server.current.requests).toHaveLength(count + injected);
	// Every item reached the server and was answered exactly once with 200.
	const answered = server.current.requests
		.filter((request) => request.status === 200)
		.map((request) => request.body.data.messages[0].content);
	expect(new Set(answered).size).toBe(count);
	expect(answered).toHaveLength(count);
	expect(elapsed).toBeLessThan(20_000);
}, 30_000);

describe('limits through the engine', () => {
	const oneItem = questions(1);

	test('a redirect is an error naming it, and the key never reaches the other URL', async () => {
		const other = await startDataoortsServer({ apiKey: server.current.apiKey });
		try {
			server.current.setFaultPlan(() => ({ kind: 'redirect', argument: other.baseUrl }));
			const result = await run({ parameters: { messages: perItem } }, oneItem);
			expect(result.error?.message).toContain(
				'Dataoorts answered 307 (a redirect); redirects are not followed',
			);
			expect(server.current.requests).toHaveLength(1);
			expect(other.requests).toHaveLength(0);
		} finally {
			await other.close();
		}
	});

	test('an oversized answer is cut off with a clear error, not retried', async () => {
		server.current.setFaultPlan(() => ({ kind: 'huge', argument: String(11 * 1024 * 1024) }));
		const result = await run({ parameters: { messages: perItem } }, oneItem);
		expect(result.error?.message).toBe(
			'Dataoorts answered 200 with a body larger than the 10485760-byte limit',
		);
		expect(result.error?.description).toContain('lower Maximum Number of Tokens');
		expect(server.current.requests).toHaveLength(1);
	});

	test('a reset connection and a slow answer are retried and the item succeeds', async () => {
		server.current.setFaultPlan(({ attempt }) =>
			attempt === 1
				? { kind: 'reset' }
				: attempt === 2
					? { kind: 'slow', argument: '3000' }
					: undefined,
		);
		const result = await run(
			{ parameters: { messages: perItem, options: { timeout: 1000 } } },
			oneItem,
		);
		expectInOrder(result.outputs![0], 1);
		expect(server.current.requests).toHaveLength(3);
	});

	test("HTTP_PROXY from n8n's environment carries the requests", async () => {
		const proxy = await startTestProxy();
		const saved = {
			HTTP_PROXY: process.env.HTTP_PROXY,
			NO_PROXY: process.env.NO_PROXY,
			no_proxy: process.env.no_proxy,
		};
		try {
			process.env.HTTP_PROXY = proxy.url;
			delete process.env.NO_PROXY;
			delete process.env.no_proxy;
			const result = await run(
				{ parameters: { messages: perItem, options: { concurrency: 2 } } },
				questions(4),
			);
			expectInOrder(result.outputs![0], 4);
			expect(proxy.targets.length).toBeGreaterThanOrEqual(1);
			expect(new Set(proxy.targets)).toEqual(new Set([new URL(server.current.origin).host]));
		} finally {
			for (const [name, value] of Object.entries(saved)) {
				if (value === undefined) delete process.env[name];
				else process.env[name] = value;
			}
			await closeDispatchers();
			await proxy.close();
		}
	});

	test('the key is not sent over plain http to a non-loopback host', async () => {
		const result = await runWorkflow({
			items: oneItem,
			node: { parameters: { messages: perItem } },
			credential: {
				apiKey: server.current.apiKey,
				baseUrl: 'http://dataoorts.internal.example/api/v1',
			},
		});
		expect(result.error?.message).toBe(
			'Refusing to send the API key over plain http:// to dataoorts.internal.example; use https://, or turn on "Allow Plain HTTP" in the credential for a trusted private network',
		);
	});
});
