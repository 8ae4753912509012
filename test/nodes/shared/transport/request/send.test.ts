/**
 * send.ts's retry decisions not covered by transport.test.ts: which budget each failure spends
 * (Max Retries or Max Rate Limit Wait) and when a wait asked for ends the item at once.
 */
import { DataoortsAbortError } from '../../../../../nodes/shared/errors/errors';
import { useFakeClock } from '../../../../helpers/fake-clock';
import { failure, sendHarness } from '../../../../helpers/send';
import { useDataoortsServer, type FaultPlan } from '../../../../helpers/server';

const server = useDataoortsServer();
const clock = useFakeClock();
const { request, send } = sendHarness(server, clock);

/** Faults for the first `times` attempts of every request, then normal answers. */
function firstAttempts(times: number, fault: ReturnType<FaultPlan>): FaultPlan {
	return ({ attempt }) => (attempt <= times ? fault : undefined);
}

test('429s do not spend Max Retries: with none, three 429s are still waited out', async () => {
	server.current.setFaultPlan(firstAttempts(3, { kind: 'status', status: 429 }));
	const answer = await send(request('patient', { maxRetries: 0 }));
	expect(answer.result.response).toBe('Echo: patient');
	expect(server.current.requests).toHaveLength(4);
});

test('429s without Retry-After end once Max Rate Limit Wait is spent, saying so', async () => {
	server.current.setFaultPlan(() => ({ kind: 'status', status: 429 }));
	const error = await failure(send(request('never', { maxRateLimitWaitMs: 3_000 })));
	expect(error.status).toBe(429);
	expect(error.message).toMatch(
		/^Dataoorts answered 429: .*; still rate limited after waiting [\d.]+ s \(Max Rate Limit Wait: 3 s\) \(gave up after \d+ attempts\)$/,
	);
	expect(error.attempts).toBeGreaterThan(1);
	expect(server.current.requests).toHaveLength(error.attempts!);
});

test("a 503's Retry-After counts against Max Rate Limit Wait, not only Max Retries", async () => {
	server.current.setFaultPlan(() => ({ kind: 'status', status: 503, retryAfter: '2' }));
	const error = await failure(send(request('down', { maxRetries: 5, maxRateLimitWaitMs: 2_500 })));
	expect(error.message).toBe(
		'Dataoorts answered 503: Service unavailable (code 7010); Dataoorts asked to wait 2 s (Retry-After), more than the 0.5 s left of Max Rate Limit Wait (2.5 s) (gave up after 2 attempts)',
	);
	expect(server.current.requests).toHaveLength(2);
});

test('a 503 asking to wait longer than the budget fails at its first answer', async () => {
	server.current.setFaultPlan(() => ({ kind: 'status', status: 503, retryAfter: '600' }));
	const error = await failure(send(request('later', { maxRetries: 3 })));
	expect(error.message).toContain(
		'Dataoorts asked to wait 600 s (Retry-After), more than the 300 s left',
	);
	expect(server.current.requests).toHaveLength(1);
});

test('a non-retryable error after a retry reports both attempts', async () => {
	let attempts = 0;
	server.current.setFaultPlan(() => ({ kind: 'status', status: ++attempts === 1 ? 500 : 400 }));
	const error = await failure(send(request('then bad')));
	expect(error.status).toBe(400);
	expect(error.attempts).toBe(2);
	expect(error.message).toContain('(gave up after 2 attempts)');
});

test('an execution already stopped sends nothing', async () => {
	const stop = new AbortController();
	stop.abort();
	const error = await failure(send(request('stopped', { signal: stop.signal })));
	expect(error).toBeInstanceOf(DataoortsAbortError);
	expect(server.current.requests).toHaveLength(0);
});
