/**
 * Honest waits through n8n-core's WorkflowExecute (issue 17): a Retry-After no item may wait out
 * leaves no lockout behind for the next execution, and a first 429 without one gets the normal
 * backoff, not the governor's slowest pace. (The governor alone: transport/governor.test.ts.)
 * On fake time, which the server reads too.
 */
import { runWorkflow } from '../../helpers/engine';
import { drive, useFakeClock } from '../../helpers/fake-clock';
import { useDataoortsServer } from '../../helpers/server';

const server = useDataoortsServer();
const clock = useFakeClock();

async function run(question: string) {
	const started = clock.current.now();
	const workflow = runWorkflow({
		items: [{ question }],
		node: {
			parameters: { messages: { values: [{ role: 'user', content: '={{ $json.question }}' }] } },
			onError: 'continueRegularOutput',
		},
		credential: { apiKey: server.current.apiKey, baseUrl: server.current.baseUrl },
	});
	const result = await drive(clock.current, workflow);
	return { json: result.outputs![0][0].json, elapsedMs: clock.current.now() - started };
}

afterEach(() => jest.restoreAllMocks());

describe.each([
	['86400', '86400 s'],
	['9'.repeat(400), '10⁹ s or more'],
])('one 429 with Retry-After: %s', (retryAfter, asked) => {
	test('fails its item at once; an execution 1 s later against a healthy server is sent and succeeds', async () => {
		server.current.setFaultPlan(({ index }) =>
			index === 0 ? { kind: 'status', status: 429, retryAfter } : undefined,
		);
		const locked = await run('first');
		expect(locked.json.error).toBe(
			`Dataoorts answered 429: Account limited: too many requests (code 3036); Dataoorts asked to wait ${asked} (Retry-After), more than the 300 s left of Max Rate Limit Wait (300 s)`,
		);
		expect(locked.elapsedMs).toBeLessThan(1000);
		await drive(clock.current, clock.current.sleep(1000));
		const next = await run('second');
		expect(next.json.response).toBe('Echo: second');
		expect(next.elapsedMs).toBeLessThan(2000);
		expect(server.current.requests.map((request) => request.status)).toEqual([429, 200]);
	});
});

test('a first 429 without Retry-After on a fresh account: the retry follows after the backoff', async () => {
	// The backoff's shortest draw (0.25 s): the gap is the backoff's, not the governor's pace.
	jest.spyOn(Math, 'random').mockReturnValue(0);
	server.current.setFaultPlan(({ index }) =>
		index === 0 ? { kind: 'status', status: 429 } : undefined,
	);
	const result = await run('again');
	expect(result.json.response).toBe('Echo: again');
	const [refused, retried] = server.current.requests;
	expect(refused.status).toBe(429);
	const gapMs = retried.receivedAt - refused.answeredAt!;
	expect(gapMs).toBeGreaterThanOrEqual(240);
	expect(gapMs).toBeLessThan(600);
});
