/**
 * Every framing gives the same answer (issue 17), inside n8n-core's WorkflowExecute against the
 * loopback server's framing faults (test/server/faults.js): a byte-order mark with a length or
 * chunked, compressed answers the node never asked for, compression bombs, an interim
 * "100 Continue" nobody asked for.
 */
import { runAgainst } from '../../helpers/run-against';
import { useFakeClock } from '../../helpers/fake-clock';
import { useDataoortsServer, type Fault } from '../../helpers/server';

const server = useDataoortsServer();
// Fake time, which the server reads too: the retries' backoff takes no real time.
const clock = useFakeClock();

/** One item asking "hi" with Max Retries 3, answered by `fault`. */
async function runWith(fault: Fault) {
	server.current.setFaultPlan(() => fault);
	const result = await runAgainst(
		server,
		clock,
	)({
		parameters: {
			messages: { values: [{ role: 'user', content: 'hi' }] },
			options: { maxRetries: 3 },
		},
		onError: 'continueRegularOutput',
	});
	return result.outputs![0][0].json;
}

test.each(['length', 'chunked'])(
	'a leading byte-order mark, framed by %s: read as JSON',
	async (argument) => {
		expect(await runWith({ kind: 'bom', argument })).toMatchObject({ response: 'Echo: hi' });
	},
);

test.each(
	['gzip', 'deflate', 'deflate-raw', 'br'].flatMap((coding) => [coding, `${coding}:chunked`]),
)('an answer compressed though none was asked (%s): decoded', async (argument) => {
	expect(await runWith({ kind: 'compressed', argument })).toMatchObject({ response: 'Echo: hi' });
	expect(server.current.requests).toHaveLength(1);
});

test.each(['gzip', 'br'])(
	'a %s bomb (64 MiB in a few KB): the 10 MiB cap counts decoded bytes',
	async (coding) => {
		expect((await runWith({ kind: 'bomb', argument: coding })).error).toBe(
			`Dataoorts answered 200 with a body larger than the 10485760-byte limit once decoded (Content-Encoding: ${coding})`,
		);
		expect(server.current.requests).toHaveLength(1);
	},
);

test('a coding the node cannot undo is named, not quoted as noise', async () => {
	expect((await runWith({ kind: 'compressed', argument: 'compress' })).error).toMatch(
		/^Dataoorts answered 200 with a body that is not valid JSON \(application\/json, Content-Encoding: compress\): /,
	);
});

test('an unasked "100 Continue" before the answer: reported as what it is, one request, not retried', async () => {
	const { error } = await runWith({ kind: 'continue' });
	expect(error).toBe(
		'Dataoorts answered 100 Continue before its answer, an interim answer the node never asks for (a server or proxy fault), and the connection could not be read past it; not retried, as the request arrived',
	);
	expect(server.current.requests).toHaveLength(1);
});
