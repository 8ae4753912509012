/**
 * The transport against the loopback API: keep-alive pools, retries and what is never retried,
 * Retry-After, timeouts, the body cap and cancellation (where the key may go and proxies:
 * transport-endpoints.test.ts). On fake time, which the server reads too: waits and timeouts are
 * exact and take no real time.
 */
import { DataoortsAbortError } from '../../../../../nodes/shared/errors/errors';
import { sendChatRequest } from '../../../../../nodes/shared/transport';
import { drive, useFakeClock } from '../../../../helpers/fake-clock';
import { failure, sendHarness } from '../../../../helpers/send';
import { useDataoortsServer, type FaultPlan } from '../../../../helpers/server';

const server = useDataoortsServer();
const clock = useFakeClock();
const { request, send } = sendHarness(server, clock);
/** Lets `ms` pass on the fake clock while what was started goes on. */
const pass = (ms: number) => drive(clock.current, clock.current.sleep(ms));

/** Faults for the first `times` attempts of every request, then normal answers. */
function firstAttempts(times: number, fault: ReturnType<FaultPlan>): FaultPlan {
	return ({ attempt }) => (attempt <= times ? fault : undefined);
}

test('keep-alive: 20 sequential requests share one or two connections, not twenty', async () => {
	for (let index = 0; index < 20; index++) await send(request(`q${index}`));
	// A request may start while the previous socket is being handed back to the pool, hence "or two".
	expect(
		new Set(server.current.requests.map((entry) => entry.remotePort)).size,
	).toBeLessThanOrEqual(2);
});

describe('retries', () => {
	test.each([
		[429, { kind: 'status', status: 429 }],
		[500, { kind: 'status', status: 500 }],
		[503, { kind: 'status', status: 503 }],
		[408, { kind: 'status', status: 408 }],
		[409, { kind: 'status', status: 409 }],
		['connection reset', { kind: 'reset' }],
		['HTML error page (502)', { kind: 'html' }],
	])('%s is retried until it succeeds', async (_name, fault) => {
		server.current.setFaultPlan(firstAttempts(2, fault));
		const answer = await send(request('retry me'));
		expect(answer.result.response).toBe('Echo: retry me');
		expect(server.current.requests).toHaveLength(3);
	});

	test.each([400, 401, 403, 404, 413])('%s is never retried', async (status) => {
		server.current.setFaultPlan(() => ({ kind: 'status', status }));
		const error = await failure(send(request('no retry')));
		expect(error.status).toBe(status);
		expect(error.attempts).toBe(1);
		expect(server.current.requests).toHaveLength(1);
	});

	test('the final error says how many attempts were made', async () => {
		server.current.setFaultPlan(() => ({ kind: 'status', status: 503 }));
		const error = await failure(send(request('always down', { maxRetries: 2 })));
		expect(error.message).toBe(
			'Dataoorts answered 503: Service unavailable (code 7010) (gave up after 3 attempts)',
		);
		expect(error.attempts).toBe(3);
		expect(server.current.requests).toHaveLength(3);
	});

	// A 429 no longer spends Max Retries (issue 13), so this uses a 503.
	test('maxRetries 0 means one attempt', async () => {
		server.current.setFaultPlan(() => ({ kind: 'status', status: 503 }));
		const error = await failure(send(request('once', { maxRetries: 0 })));
		expect(error.message).toBe('Dataoorts answered 503: Service unavailable (code 7010)');
		expect(server.current.requests).toHaveLength(1);
	});

	test('Retry-After in seconds is honoured', async () => {
		server.current.setFaultPlan(firstAttempts(1, { kind: 'status', status: 429, retryAfter: '1' }));
		await send(request('wait a second'));
		const [first, second] = server.current.requests;
		expect(second.receivedAt - first.answeredAt!).toBeGreaterThanOrEqual(950);
		expect(second.receivedAt - first.answeredAt!).toBeLessThan(1500);
	});

	test('Retry-After as an HTTP date is honoured', async () => {
		const inOneSecond = new Date(
			Math.ceil((clock.current.now() + 1500) / 1000) * 1000,
		).toUTCString();
		server.current.setFaultPlan(
			firstAttempts(1, { kind: 'status', status: 503, retryAfter: inOneSecond }),
		);
		await send(request('wait until'));
		const [, second] = server.current.requests;
		expect(second.receivedAt).toBeGreaterThanOrEqual(Date.parse(inOneSecond) - 50);
	});

	// Issue 13 replaces the 60 s cap: a Retry-After longer than Max Rate Limit Wait has left
	// fails at once, naming the wait, instead of waiting 60 s per retry.
	test('a Retry-After longer than Max Rate Limit Wait fails at once, naming the wait', async () => {
		server.current.setFaultPlan(() => ({ kind: 'status', status: 429, retryAfter: '3600' }));
		const started = clock.current.now();
		const error = await failure(send(request('too long')));
		expect(clock.current.now() - started).toBeLessThan(1000);
		expect(error.message).toBe(
			'Dataoorts answered 429: Account limited: too many requests (code 3036); Dataoorts asked to wait 3600 s (Retry-After), more than the 300 s left of Max Rate Limit Wait (300 s)',
		);
		expect(server.current.requests).toHaveLength(1);
	});
});

describe('timeouts and limits', () => {
	test('an attempt slower than the timeout is abandoned and retried', async () => {
		server.current.setFaultPlan(firstAttempts(1, { kind: 'slow', argument: '5000' }));
		const started = clock.current.now();
		const answer = await send(request('slow once', { timeoutMs: 1000 }));
		expect(answer.result.response).toBe('Echo: slow once');
		expect(clock.current.now() - started).toBeLessThan(2500);
		expect(server.current.requests[0].closedEarlyAt).toBeDefined();
	});

	test('a timeout on every attempt is a clear error', async () => {
		server.current.setFaultPlan(() => ({ kind: 'slow', argument: '5000' }));
		const error = await failure(send(request('always slow', { timeoutMs: 1000, maxRetries: 1 })));
		expect(error.code).toBe('DATAOORTS_TIMEOUT');
		expect(error.message).toBe(
			'Dataoorts did not answer within 1000 ms (gave up after 2 attempts)',
		);
	});

	test('a body over the cap is cut off with a clear error, default cap 10 MiB', async () => {
		server.current.setFaultPlan(() => ({ kind: 'huge', argument: String(12 * 1024 * 1024) }));
		const before = process.memoryUsage().rss;
		const error = await failure(send(request('huge')));
		expect(error.code).toBe('DATAOORTS_RESPONSE_TOO_LARGE');
		expect(error.message).toBe(
			'Dataoorts answered 200 with a body larger than the 10485760-byte limit',
		);
		expect(error.attempts).toBe(1);
		expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
	});

	test('a declared content-length over the cap is refused before reading', async () => {
		// The server declares 64 MiB, sends a few bytes and stalls: reading the body first would
		// end in the 10 s timeout, not in an immediate "too large".
		server.current.setFaultPlan(() => ({ kind: 'huge-declared' }));
		const started = clock.current.now();
		const error = await failure(send(request('x', { maxRetries: 0 })));
		expect(error.code).toBe('DATAOORTS_RESPONSE_TOO_LARGE');
		expect(clock.current.now() - started).toBeLessThan(5_000);
	});
});

describe('cancellation', () => {
	test('an in-flight request is aborted at once', async () => {
		server.current.setFaultPlan(() => ({ kind: 'slow', argument: '10000' }));
		const controller = new AbortController();
		// Not driven: only `pass` moves the time, so the abort comes at 100 ms, the answer never.
		const pending = failure(sendChatRequest(request('cancel me', { signal: controller.signal })));
		await pass(100);
		const stoppedAt = clock.current.now();
		controller.abort();
		const error = await pending;
		expect(error).toBeInstanceOf(DataoortsAbortError);
		expect(clock.current.now() - stoppedAt).toBeLessThan(200);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(server.current.requests[0].closedEarlyAt! - stoppedAt).toBeLessThan(1000);
	});

	test('a waiting retry ends at once and sends nothing more', async () => {
		server.current.setFaultPlan(() => ({ kind: 'status', status: 429, retryAfter: '30' }));
		const controller = new AbortController();
		const pending = failure(
			sendChatRequest(request('cancel my retry', { signal: controller.signal })),
		);
		await pass(100);
		controller.abort();
		const started = clock.current.now();
		expect(await pending).toBeInstanceOf(DataoortsAbortError);
		expect(clock.current.now() - started).toBeLessThan(200);
		expect(server.current.requests).toHaveLength(1);
	});
});
