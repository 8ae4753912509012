/**
 * An attempt past the Timeout option is always reported as a timeout, inside n8n-core's
 * WorkflowExecute: the attempt's own timer against undici's coarse timers, so on real time (a fake
 * clock would not move undici's). Wall-clock bound: runs in `npm run test:slow` (.ci/run).
 */
import { connectionFromCredentials } from '../../nodes/shared/connection';
import { sendChatRequest } from '../../nodes/shared/transport';
import { runAgainst } from '../helpers/run-against';
import { useDataoortsServer } from '../helpers/server';

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
