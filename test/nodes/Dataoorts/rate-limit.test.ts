/**
 * Rate limits through n8n-core's WorkflowExecute against the loopback server's account limit (a
 * token bucket per key answering 429 + Retry-After): no loss, one governor per account shared by
 * executions, accounts apart, the shared pause, Max Rate Limit Wait, Max Retries untouched by
 * 429s, cancellation. (The governor alone: transport/governor.test.ts.) On fake time, which the
 * server's latency and token bucket read too: every count and duration is the same on any load.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow } from '../../helpers/engine';
import { drive, useFakeClock } from '../../helpers/fake-clock';
import { useDataoortsServer, type FaultPlan } from '../../helpers/server';

const OTHER_KEY = 'second-account-key';
const server = useDataoortsServer({ apiKeys: [OTHER_KEY], latencyMs: 20 });
const clock = useFakeClock();

const questions = (count: number, prefix = 'q') =>
	Array.from({ length: count }, (_, index) => ({ question: `${prefix}${index}` }));

async function run(
	items: IDataObject[],
	options: INodeParameters,
	{
		apiKey = server.current.apiKey,
		onStarted,
	}: { apiKey?: string; onStarted?: (execution: { cancel: () => void }) => void } = {},
) {
	return await drive(
		clock.current,
		runWorkflow({
			items,
			node: {
				parameters: {
					messages: { values: [{ role: 'user', content: '={{ $json.question }}' }] },
					options,
				},
				onError: 'continueRegularOutput',
			},
			credential: { apiKey, baseUrl: server.current.baseUrl },
			onStarted,
		}),
	);
}

/** Every item answered, in order, none an error item. */
function expectAllAnswered(result: Awaited<ReturnType<typeof run>>, prefix: string, count: number) {
	const output = result.outputs![0];
	expect(output.map((item) => item.json.response)).toEqual(
		questions(count, prefix).map(({ question }) => `Echo: ${question}`),
	);
}

const firstAttempt429 =
	(retryAfter: string): FaultPlan =>
	({ attempt }) =>
		attempt === 1 ? { kind: 'status', status: 429, retryAfter } : undefined;

test('concurrency 64 against an account limit: no item lost, each answered once, few 429s', async () => {
	server.current.setAccountLimit({ rate: 25, burst: 25 });
	const warn = jest.spyOn(Container.get(Logger), 'warn');
	const started = clock.current.now();
	const result = await run(questions(100), { concurrency: 64 });
	expect(clock.current.now() - started).toBeLessThan(12_000);
	expectAllAnswered(result, 'q', 100);
	const answered = server.current.requests.filter((request) => request.status === 200);
	expect(new Set(answered.map((request) => request.body.data.messages[0].content)).size).toBe(100);
	expect(answered).toHaveLength(100);
	expect(server.current.accountLimit!.counts().total).toBeLessThanOrEqual(100 * 1.3);
	// Visible in n8n's log: the cut, the new rate and the wait.
	expect(warn.mock.calls.map(([message]) => message)).toContainEqual(
		expect.stringMatching(
			/^Dataoorts account [0-9a-f]{8} at http:\/\/127\.0\.0\.1:\d+ is rate limited \(429\): pausing its requests for 1 s \(Retry-After\), then sending at most [\d.]+ requests per second$/,
		),
	);
	warn.mockRestore();
}, 20_000);

test('two executions on one key share the account: none lost, neither sends into a pause', async () => {
	server.current.setAccountLimit({ rate: 25, burst: 25 });
	const [first, second] = await Promise.all([
		run(questions(40, 'a'), { concurrency: 16 }),
		run(questions(40, 'b'), { concurrency: 16 }),
	]);
	expectAllAnswered(first, 'a', 40);
	expectAllAnswered(second, 'b', 40);
	const records = server.current.accountLimit!.records;
	expect(records.length).toBeLessThanOrEqual(80 * 1.3);
	// After the first 429 (Retry-After: 1 s), nothing of either execution arrives until the
	// pause is over, except what was already on its way.
	const firstLimited = records.find((record) => !record.allowed)!;
	const during = records.filter(
		(record) => record.at > firstLimited.at + 50 && record.at < firstLimited.at + 950,
	);
	expect(during).toEqual([]);
}, 20_000);

test("two accounts do not slow each other: one paused, the other's items go at once", async () => {
	server.current.setAccountLimit({ rate: 5, burst: 5 });
	const limited = run(questions(12, 'a'), { concurrency: 16 });
	await drive(clock.current, clock.current.sleep(300));
	const started = clock.current.now();
	const other = await run(questions(5, 'b'), { concurrency: 5 }, { apiKey: OTHER_KEY });
	expect(clock.current.now() - started).toBeLessThan(1000);
	expectAllAnswered(other, 'b', 5);
	expect(server.current.accountLimit!.counts(OTHER_KEY).limited).toBe(0);
	expectAllAnswered(await limited, 'a', 12);
	expect(server.current.accountLimit!.counts(server.current.apiKey).limited).toBeGreaterThan(0);
}, 20_000);

test('a Retry-After pauses every item of the account; the restart is spread out', async () => {
	server.current.setFaultPlan(({ index }) =>
		index === 0 ? { kind: 'status', status: 429, retryAfter: '1' } : undefined,
	);
	const result = await run(questions(12), { concurrency: 4 });
	expectAllAnswered(result, 'q', 12);
	const [refused, ...rest] = server.current.requests;
	const pauseEnd = refused.answeredAt! + 1000;
	const later = rest.filter((request) => request.receivedAt > refused.answeredAt! + 50);
	expect(later.length).toBeGreaterThanOrEqual(8);
	for (const request of later) expect(request.receivedAt).toBeGreaterThanOrEqual(pauseEnd - 10);
	const restart = later.slice(0, 4).map((request) => request.receivedAt);
	expect(Math.max(...restart) - Math.min(...restart)).toBeGreaterThan(100);
}, 20_000);

describe('Max Rate Limit Wait', () => {
	test('a Retry-After longer than the wait left fails the item at once, naming it; each next item probes once', async () => {
		server.current.setFaultPlan(() => ({ kind: 'status', status: 429, retryAfter: '3600' }));
		const started = clock.current.now();
		const result = await run(questions(3), { concurrency: 1 });
		expect(clock.current.now() - started).toBeLessThan(1000);
		expect(result.outputs![0].map((item) => item.json.error)).toEqual(
			Array(3).fill(
				'Dataoorts answered 429: Account limited: too many requests (code 3036); Dataoorts asked to wait 3600 s (Retry-After), more than the 300 s left of Max Rate Limit Wait (300 s)',
			),
		);
		// No pause is left behind that nobody waits for: one request per item, none retried.
		expect(server.current.requests).toHaveLength(3);
	});

	test('the waits add up: once spent, the item fails with the wait asked and the attempts', async () => {
		server.current.setFaultPlan(() => ({ kind: 'status', status: 429, retryAfter: '1' }));
		const started = clock.current.now();
		const result = await run(questions(1), { maxRateLimitWait: 2 });
		const elapsed = clock.current.now() - started;
		expect(elapsed).toBeGreaterThan(900);
		expect(elapsed).toBeLessThan(3500);
		expect(result.outputs![0][0].json.error).toMatch(
			/^Dataoorts answered 429: Account limited: too many requests \(code 3036\); Dataoorts asked to wait 1 s \(Retry-After\), more than the [\d.]+ s left of Max Rate Limit Wait \(2 s\) \(gave up after [23] attempts\)$/,
		);
	});
});

test('429s do not spend Max Retries; a 503 does', async () => {
	const sequence: Array<ReturnType<FaultPlan>> = [
		{ kind: 'status', status: 429, retryAfter: '1' },
		{ kind: 'status', status: 503 },
		{ kind: 'status', status: 429, retryAfter: '1' },
	];
	server.current.setFaultPlan(({ attempt }) => sequence[attempt - 1]);
	const result = await run(questions(1), { maxRetries: 1 });
	expectAllAnswered(result, 'q', 1);
	expect(server.current.requests.map((request) => request.status)).toEqual([429, 503, 429, 200]);
	server.current.reset();
	server.current.setFaultPlan(({ attempt }) => sequence[attempt - 1]);
	const failed = await run(questions(1, 'x'), { maxRetries: 0 });
	expect(failed.outputs![0][0].json.error).toBe(
		'Dataoorts answered 503: Service unavailable (code 7010) (gave up after 2 attempts)',
	);
}, 20_000);

test('stopping the workflow during a shared pause ends it at once; nothing more is sent', async () => {
	server.current.setFaultPlan(firstAttempt429('30'));
	let stoppedAt = 0;
	await run(
		questions(8),
		{ concurrency: 4 },
		{
			onStarted: (execution: { cancel: () => void }) =>
				clock.current.setTimeout(() => {
					stoppedAt = clock.current.now();
					execution.cancel();
				}, 300),
		},
	).catch(() => undefined);
	expect(clock.current.now() - stoppedAt).toBeLessThan(500);
	expect(server.current.requests).toHaveLength(4);
});
