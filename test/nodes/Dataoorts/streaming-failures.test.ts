/**
 * Streaming when the upstream does not play along, inside n8n-core's WorkflowExecute: it ignores
 * `stream` or refuses it (400), breaks off before or after the first piece, never says [DONE],
 * echoes the key across two pieces, is too slow; and the execution is stopped mid-stream. On fake
 * time, which the server's pauses between pieces read too.
 */
import { governorFor } from '../../../nodes/shared/transport/account/accounts';
import { REDACTED } from '../../../nodes/shared/transport/answer/redact';
import { useFakeClock } from '../../helpers/fake-clock';
import { SECRET_KEY } from '../../helpers/fixtures';
import { useDataoortsServer } from '../../helpers/server';
import { runStreaming as runOn, typesOf } from '../../helpers/streaming';

const OTHER_KEY = 'dk-live-OTHER-account-000000000';
const server = useDataoortsServer({ apiKey: SECRET_KEY, apiKeys: [OTHER_KEY] });
const clock = useFakeClock();
/** A streaming run, on the fake clock. */
const runStreaming = (...[on, node, items, hooks]: Parameters<typeof runOn>) =>
	runOn(on, node, items, { ...hooks, clock: clock.current });

const QUESTION = 'What is a GPU, briefly?';
const ANSWER = `Echo: ${QUESTION}`;
const ask = (options = {}, onError?: 'continueRegularOutput') => ({
	parameters: { messages: { values: [{ role: 'user', content: QUESTION }] }, options },
	...(onError ? { onError } : {}),
});
const streamFlags = () => server.current.apiRequests.map((request) => request.body.data.stream);

test('an upstream that ignores stream: its JSON answer is one piece, and the usual item', async () => {
	server.current.setStreaming({ mode: 'ignore' });
	const run = await runStreaming(server, ask());
	expect(run.error).toBeUndefined();
	expect(typesOf(run)).toEqual(['begin', 'item', 'end']);
	expect(run.textOf()).toBe(ANSWER);
	expect(run.outputs![0][0].json).toMatchObject({ response: ANSWER });
	expect(streamFlags()).toEqual([true]);
});

test('a 400 naming stream: asked again at once without it, and this account is not asked to stream again', async () => {
	server.current.setStreaming({ mode: 'reject' });
	const first = await runStreaming(server, ask({ maxRetries: 0 }));
	expect(first.error).toBeUndefined();
	expect(first.textOf()).toBe(ANSWER);
	expect(streamFlags()).toEqual([true, undefined]);
	const second = await runStreaming(server, ask());
	expect(second.textOf()).toBe(ANSWER);
	expect(streamFlags()).toEqual([true, undefined, undefined]);
	// Another account on the same upstream is still asked.
	server.current.reset();
	const other = await runStreaming(
		{ current: { apiKey: OTHER_KEY, baseUrl: server.current.baseUrl } },
		ask(),
	);
	expect(other.textOf()).toBe(ANSWER);
	expect(streamFlags()).toEqual([true]);
});

test('a break-off before the first piece is retried as usual; the chat sees the answer once', async () => {
	server.current.setStreaming({ mode: 'break-before', times: 1, pieces: 4 });
	const run = await runStreaming(server, ask({ maxRetries: 1 }));
	expect(run.error).toBeUndefined();
	expect(server.current.apiRequests).toHaveLength(2);
	expect(typesOf(run)).toEqual(['begin', 'item', 'item', 'item', 'item', 'end']);
	expect(run.textOf()).toBe(ANSWER);
});

test('a break-off after the first piece is not retried: the item fails naming it, or is an error item', async () => {
	server.current.setStreaming({ mode: 'break-after', breakAfter: 2, pieces: 5, intervalMs: 20 });
	const failed = await runStreaming(server, ask({ maxRetries: 3 }));
	expect(failed.error?.message).toContain('streamed answer broke off after 2 pieces');
	expect(failed.error?.description).toContain('not retried once part of it was shown');
	expect(server.current.apiRequests).toHaveLength(1);
	expect(typesOf(failed).slice(0, 4)).toEqual(['begin', 'item', 'item', 'end']);

	server.current.reset();
	server.current.setStreaming({ mode: 'break-after', breakAfter: 2, pieces: 5, intervalMs: 20 });
	const continued = await runStreaming(server, ask({ maxRetries: 3 }, 'continueRegularOutput'), [
		{},
		{},
	]);
	expect(continued.error).toBeUndefined();
	expect(continued.outputs![0].map((item) => item.json.error)).toEqual([
		expect.stringContaining('broke off after 2 pieces'),
		expect.stringContaining('broke off after 2 pieces'),
	]);
	expect(server.current.apiRequests).toHaveLength(2);
});

test('a stream that ends without [DONE] is an error naming that, not retried once pieces went out', async () => {
	server.current.setStreaming({ mode: 'no-done', pieces: 3 });
	const run = await runStreaming(server, ask({ maxRetries: 2 }, 'continueRegularOutput'));
	expect(run.outputs![0][0].json.error).toContain('ended without its closing "data: [DONE]"');
	expect(server.current.apiRequests).toHaveLength(1);
});

test('the key echoed across two pieces never reaches the chat, the item or the run data', async () => {
	const cut = 12;
	server.current.setStreaming({
		pieces: ['Your key is ', SECRET_KEY.slice(0, cut), `${SECRET_KEY.slice(cut)} indeed`],
	});
	const run = await runStreaming(server, ask());
	expect(run.error).toBeUndefined();
	expect(run.textOf()).toBe(`Your key is ${REDACTED} indeed`);
	for (const chunk of run.chunks)
		expect(String(chunk.content)).not.toContain(SECRET_KEY.slice(0, 8));
	expect(JSON.stringify(run.run)).not.toContain(SECRET_KEY.slice(0, 8));
	expect(run.outputs![0][0].json.response).toBe(`Your key is ${REDACTED} indeed`);
});

test('Timeout bounds the whole stream: a stream still going at its end fails, not retried', async () => {
	server.current.setStreaming({ pieces: 40, intervalMs: 50 });
	const run = await runStreaming(server, ask({ timeout: 1000, maxRetries: 2 }));
	expect(run.error?.message).toMatch(
		/broke off after \d+ pieces: Dataoorts did not answer within 1000 ms/,
	);
	expect(server.current.apiRequests).toHaveLength(1);
});

test('Stop during a stream aborts it at once; the governor holds the slot until then, and frees it', async () => {
	server.current.setStreaming({ pieces: 30, intervalMs: 100 });
	const governor = governorFor(new URL(server.current.baseUrl), SECRET_KEY);
	const idleWhileStreaming: boolean[] = [];
	const run = await runStreaming(server, ask(), [{}], {
		onChunk: (chunk, cancel) => {
			if (chunk.type !== 'item') return;
			idleWhileStreaming.push(governor.idle);
			if (idleWhileStreaming.length === 2) cancel();
		},
	});
	expect(run.error?.message).toContain('cancelled because the execution was stopped');
	expect(idleWhileStreaming).toEqual([false, false]);
	const [request] = server.current.apiRequests;
	await new Promise((resolve) => setTimeout(resolve, 50));
	expect(request.closedEarlyAt).toBeDefined();
	expect(request.pieces!.length).toBeLessThan(30);
	expect(governor.idle).toBe(true);
});

test('the governor slot of a stream that ends well is freed at its end, not before', async () => {
	server.current.setStreaming({ pieces: 4, intervalMs: 30 });
	const governor = governorFor(new URL(server.current.baseUrl), SECRET_KEY);
	const idle: boolean[] = [];
	const run = await runStreaming(server, ask(), [{}], {
		onChunk: (chunk) => chunk.type === 'item' && idle.push(governor.idle),
	});
	expect(run.error).toBeUndefined();
	expect(idle).toEqual([false, false, false, false]);
	expect(governor.idle).toBe(true);
});

test('before the first piece the usual rules hold: a 429 with Retry-After is waited out, then it streams', async () => {
	server.current.setFaultPlan(({ attempt }) =>
		attempt === 1 ? { kind: 'status', status: 429, retryAfter: '1' } : undefined,
	);
	server.current.setStreaming({ pieces: 3 });
	const run = await runStreaming(server, ask({ maxRetries: 0 }));
	expect(run.error).toBeUndefined();
	expect(streamFlags()).toEqual([true, true]);
	expect(
		server.current.apiRequests[1].receivedAt - server.current.apiRequests[0].receivedAt,
	).toBeGreaterThanOrEqual(900);
	expect(typesOf(run)).toEqual(['begin', 'item', 'item', 'item', 'end']);
});

test('the size cap counts the whole stream: past 10 MiB it ends with the usual error', async () => {
	const megabyte = 'a'.repeat(1024 * 1024);
	server.current.setStreaming({ pieces: Array.from({ length: 11 }, () => megabyte) });
	const run = await runStreaming(server, ask({ maxRetries: 2 }));
	expect(run.error?.message).toBe(
		'Dataoorts streamed an answer larger than the 10485760-byte limit',
	);
	expect(server.current.apiRequests).toHaveLength(1);
	// No piece past the cap reached the chat.
	expect(run.textOf().length).toBeLessThanOrEqual(10 * 1024 * 1024);
});
