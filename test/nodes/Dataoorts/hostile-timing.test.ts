/**
 * Slow upstreams and stopped executions, inside n8n-core's WorkflowExecute: an attempt past the
 * Timeout option is always reported as a timeout, and cancelling many in-flight requests opens
 * no fresh connections (measured with the loopback server's connection count).
 */

import { connectionFromCredentials } from '../../../nodes/shared/connection';
import { closeDispatchers, sendChatRequest } from '../../../nodes/shared/transport';
import { runAgainst } from '../../helpers/engine';
import { useDataoortsServer } from '../../helpers/server';

const server = useDataoortsServer();

const run = runAgainst(server);

const perItem = { values: [{ role: 'user', content: '={{ $json.q }}' }] };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Keeps undici's fast-timer clock (ticks of 499 ms) running with a phase offset of `ms`, as it
 * is in a busy n8n: a timer then starts counting from the tick before it was set.
 */
async function offsetUndiciClock(ms: number): Promise<AbortController> {
	const stop = new AbortController();
	void sendChatRequest({
		connection: connectionFromCredentials(server.current),
		body: {
			model: 'google/gemma-3-12b-it',
			data: { messages: [{ role: 'user', content: 'tick' }] },
		},
		timeoutMs: 60_000,
		maxRetries: 0,
		signal: stop.signal,
	}).catch(() => undefined);
	await sleep(ms);
	return stop;
}

// With undici's timers equal to the attempt's, they fired up to ~0.5 s before it, and the slow
// answer was reported as a network error ("the answer's headers took too long").
test.each([
	['headers', 'slow:2500'],
	['body', 'slow-body:2500'],
])(
	'48 answers whose %s come after the 1497 ms timeout: every one is reported as a timeout',
	async (_part, fault) => {
		server.current.setFaultPlan(({ body }) =>
			body.data.messages[0].content === 'tick' ? { kind: 'slow', argument: '20000' } : undefined,
		);
		const clock = await offsetUndiciClock(300);
		const started = performance.now();
		const result = await run(
			{
				parameters: {
					messages: perItem,
					options: { timeout: 1497, maxRetries: 0, concurrency: 48 },
				},
				onError: 'continueRegularOutput',
			},
			Array.from({ length: 48 }, (_, index) => ({ q: `[[fault:${fault}]] ${index}` })),
		);
		clock.abort();
		const errors = result.outputs![0].map((item) => item.json.error);
		expect(new Set(errors)).toEqual(new Set(['Dataoorts did not answer within 1497 ms']));
		expect(errors).toHaveLength(48);
		// Each attempt ends at its own timer (1.5 s), before undici's backstop (6.5 s) could.
		expect(performance.now() - started).toBeLessThan(6000);
	},
);

// 32: the most the account's governor lets out at once to an account it knows nothing of yet.
test('cancelling 32 in-flight requests opens no fresh connections, and the pool still works after', async () => {
	await closeDispatchers();
	server.current.setFaultPlan(() => ({ kind: 'slow', argument: '20000' }));
	let opened = 0;
	let open = 0;
	await run(
		{ parameters: { messages: perItem, options: { concurrency: 32 } } },
		Array.from({ length: 32 }, (_, index) => ({ q: `q${index}` })),
		(execution) => {
			void (async () => {
				while (server.current.requests.length < 32) await sleep(10);
				opened = server.current.stats.connectionsOpened;
				open = server.current.openConnections();
				execution.cancel();
			})();
		},
	).catch(() => undefined);
	await sleep(500);
	expect(open).toBe(32);
	// Before the connect gate, undici reconnected once per aborted request: 32 new sockets.
	expect(server.current.stats.connectionsOpened - opened).toBe(0);
	expect(server.current.openConnections()).toBe(0);

	server.current.setFaultPlan(undefined);
	const after = server.current.stats.connectionsOpened;
	const result = await run(
		{ parameters: { messages: perItem, options: { concurrency: 4 } } },
		Array.from({ length: 16 }, (_, index) => ({ q: `after ${index}` })),
	);
	expect(result.outputs![0].map((item) => item.json.response)).toEqual(
		Array.from({ length: 16 }, (_, index) => `Echo: after ${index}`),
	);
	// Four lanes reuse their sockets (a lane may briefly need a second one while its first is
	// handed back to the pool).
	expect(server.current.stats.connectionsOpened - after).toBeLessThanOrEqual(8);
});
