/**
 * Many items through n8n-core's WorkflowExecute: bounded concurrency with input order kept,
 * retries and timeouts from the node's options, cancellation and the latency-bound timing goal
 * (a load test and the node's limits: run-items-limits.test.ts). On fake time,
 * which the server's latency reads too: the durations asserted are those of the schedule,
 * whatever the load on the machine.
 */
import { closeDispatchers } from '../../../nodes/shared/transport';
import { runAgainst } from '../../helpers/run-against';
import { useFakeClock } from '../../helpers/fake-clock';
import { expectInOrder, perItem, questions } from '../../helpers/questions';
import { useDataoortsServer } from '../../helpers/server';

const server = useDataoortsServer();
const clock = useFakeClock();
const run = runAgainst(server, clock);

test('at most `concurrency` requests are in flight, and all of them are used', async () => {
	server.current.setLatency(50);
	const result = await run(
		{ parameters: { messages: perItem, options: { concurrency: 4 } } },
		questions(24),
	);
	expectInOrder(result.outputs![0], 24);
	expect(server.current.stats.maxInFlight).toBe(4);
});

test('the default concurrency is 5', async () => {
	server.current.setLatency(50);
	await run({ parameters: { messages: perItem } }, questions(12));
	expect(server.current.stats.maxInFlight).toBe(5);
});

test('64 items at 200 ms service latency and concurrency 16 finish in under 1.2 s (ideal 0.8 s)', async () => {
	server.current.setLatency(200);
	const started = clock.current.now();
	const result = await run(
		{ parameters: { messages: perItem, options: { concurrency: 16 } } },
		questions(64),
	);
	const elapsed = clock.current.now() - started;
	expectInOrder(result.outputs![0], 64);
	// Ideal: ⌈64/16⌉ × 200 ms = 800 ms.
	expect(elapsed).toBeLessThan(1200);
});

test('connections are reused across items and executions', async () => {
	// Start from an empty pool: earlier tests leave idle sockets behind, which would also be reused.
	await closeDispatchers();
	await run({ parameters: { messages: perItem, options: { concurrency: 2 } } }, questions(10));
	await run({ parameters: { messages: perItem, options: { concurrency: 2 } } }, questions(10));
	expect(
		new Set(server.current.requests.map((request) => request.remotePort)).size,
	).toBeLessThanOrEqual(4);
});

describe('retries from the node', () => {
	test('a 429 with Retry-After is waited out and the item succeeds', async () => {
		server.current.setFaultPlan(({ attempt }) =>
			attempt === 1 ? { kind: 'status', status: 429, retryAfter: '1' } : undefined,
		);
		const started = clock.current.now();
		const result = await run({ parameters: { messages: perItem } }, questions(1));
		expectInOrder(result.outputs![0], 1);
		expect(clock.current.now() - started).toBeGreaterThanOrEqual(950);
		expect(server.current.requests).toHaveLength(2);
	});

	test('Max Retries bounds the attempts, and the error says how many were made', async () => {
		server.current.setFaultPlan(() => ({ kind: 'status', status: 500 }));
		const result = await run(
			{
				parameters: { messages: perItem, options: { maxRetries: 2 } },
				onError: 'continueRegularOutput',
			},
			questions(1),
		);
		expect(result.outputs![0][0].json.error).toBe(
			'Dataoorts answered 500: Internal server error (code 7010) (gave up after 3 attempts)',
		);
		expect(server.current.requests).toHaveLength(3);
	});

	test('a 400 is not retried', async () => {
		server.current.setFaultPlan(() => ({ kind: 'status', status: 400 }));
		await run(
			{ parameters: { messages: perItem }, onError: 'continueRegularOutput' },
			questions(1),
		);
		expect(server.current.requests).toHaveLength(1);
	});

	test('Timeout bounds one attempt', async () => {
		server.current.setFaultPlan(() => ({ kind: 'slow', argument: '3000' }));
		const started = clock.current.now();
		const result = await run(
			{
				parameters: { messages: perItem, options: { timeout: 1000, maxRetries: 0 } },
				onError: 'continueRegularOutput',
			},
			questions(1),
		);
		expect(result.outputs![0][0].json.error).toBe('Dataoorts did not answer within 1000 ms');
		expect(clock.current.now() - started).toBeLessThan(2000);
	});

	test('with continue on fail, an item that fails after its retries keeps its place among 20', async () => {
		server.current.setFaultPlan(({ body }) =>
			body.data.messages[0].content === 'q7' ? { kind: 'status', status: 503 } : undefined,
		);
		server.current.setLatency(20);
		const result = await run(
			{
				parameters: { messages: perItem, options: { concurrency: 8, maxRetries: 1 } },
				onError: 'continueRegularOutput',
			},
			questions(20),
		);
		const output = result.outputs![0];
		expect(output).toHaveLength(20);
		output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toEqual(
				index === 7
					? { error: expect.stringContaining('503') }
					: expect.objectContaining({ response: `Echo: q${index}` }),
			);
		});
	});
});

describe('cancellation', () => {
	test('stopping the workflow aborts every in-flight request within a second; no new request starts', async () => {
		server.current.setFaultPlan(() => ({ kind: 'slow', argument: '20000' }));
		let stoppedAt = 0;
		const started = clock.current.now();
		const runPromise = run(
			{ parameters: { messages: perItem, options: { concurrency: 8 } } },
			questions(30),
			(execution) => {
				clock.current.setTimeout(() => {
					stoppedAt = clock.current.now();
					execution.cancel();
				}, 500);
			},
		);
		await runPromise.catch(() => undefined);
		expect(clock.current.now() - started).toBeLessThan(2000);
		// Give the server a moment to see the sockets close.
		await new Promise((resolve) => setTimeout(resolve, 200));
		const requests = server.current.requests;
		expect(requests).toHaveLength(8);
		for (const request of requests) {
			expect(request.closedEarlyAt).toBeDefined();
			expect(request.closedEarlyAt! - stoppedAt).toBeLessThan(1000);
		}
		expect(requests.every((request) => request.receivedAt <= stoppedAt)).toBe(true);
	});

	test('stopping during a retry wait ends it at once', async () => {
		server.current.setFaultPlan(() => ({ kind: 'status', status: 429, retryAfter: '30' }));
		const started = clock.current.now();
		await run({ parameters: { messages: perItem } }, questions(3), (execution) => {
			clock.current.setTimeout(() => execution.cancel(), 300);
		}).catch(() => undefined);
		expect(clock.current.now() - started).toBeLessThan(1500);
		expect(server.current.requests).toHaveLength(3);
	});
});
