/**
 * Stopped executions, inside n8n-core's WorkflowExecute: cancelling many in-flight requests opens
 * no fresh connections (measured with the loopback server's connection count). The attempt's
 * timer against undici's own, on real time: test/slow/undici-timers.test.ts.
 */

import { closeDispatchers } from '../../../nodes/shared/transport';
import { runAgainst } from '../../helpers/run-against';
import { useDataoortsServer } from '../../helpers/server';

const server = useDataoortsServer();

const run = runAgainst(server);

const perItem = { values: [{ role: 'user', content: '={{ $json.q }}' }] };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
