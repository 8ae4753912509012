/**
 * The Dataoorts node in an execution that streams (n8n-core's WorkflowExecute with a sendChunk
 * handler, as under a Chat Trigger): pieces reach the chat as the loopback upstream writes them,
 * and the output item is the one a run without streaming gives. The fallbacks and failures of
 * streaming are in streaming-failures.test.ts.
 */
import type { IDataObject } from 'n8n-workflow';

import type { DataoortsNodeSettings } from '../../helpers/engine';
import { SECRET_KEY } from '../../helpers/fixtures';
import { useDataoortsServer } from '../../helpers/server';
import { runStreaming, typesOf } from '../../helpers/streaming';

const server = useDataoortsServer({ apiKey: SECRET_KEY });

const QUESTION = 'Tell me about serverless GPUs in a few words';
const ANSWER = `Echo: ${QUESTION}`;
const REPLY = 'Okay, so I need to think.\n</think>\n\nDeep learning learns.';
const ask = (content: string, options = {}) => ({
	parameters: { messages: { values: [{ role: 'user', content }] }, options },
});

/** The output of the same node in an execution that does not stream. */
async function unstreamed(
	node: DataoortsNodeSettings = ask(QUESTION),
	items: IDataObject[] = [{}],
) {
	const run = await runStreaming(server, node, items, { streaming: false });
	expect(run.error).toBeUndefined();
	return run.outputs;
}

test('pieces reach sendChunk as they are written: begin, an item per piece, end; the item is unchanged', async () => {
	server.current.setStreaming({ pieces: 6, intervalMs: 40 });
	const run = await runStreaming(server, ask(QUESTION));
	expect(run.error).toBeUndefined();
	const [request] = server.current.apiRequests;
	expect(request.body.data).toMatchObject({ stream: true, messages: [{ content: QUESTION }] });
	expect(request.headers.accept).toContain('text/event-stream');
	expect(typesOf(run)).toEqual(['begin', 'item', 'item', 'item', 'item', 'item', 'item', 'end']);
	expect(run.textOf()).toBe(ANSWER);
	expect(run.chunks.filter((c) => c.type === 'item').map((c) => c.content)).toEqual(
		request.pieces!.map((piece) => piece.text),
	);
	// Each piece was handed on before the upstream wrote the next one.
	const items = run.chunks.filter((chunk) => chunk.type === 'item');
	for (let index = 1; index < items.length; index++)
		expect(items[index - 1].seenAt).toBeLessThan(request.pieces![index].at);
	expect(run.chunks[0]).toMatchObject({ metadata: { nodeName: 'Dataoorts', itemIndex: 0 } });

	server.current.reset();
	const plain = await unstreamed();
	expect(server.current.apiRequests[0].body.data).not.toHaveProperty('stream');
	expect(run.outputs).toEqual(plain);
	expect(run.outputs![0][0].json).toMatchObject({ response: ANSWER, usage: { total_tokens: 19 } });
});

test.each([
	['\\r\\n lines', { framing: 'crlf' as const }],
	['\\r lines', { framing: 'cr' as const }],
	['comments and two-line data', { comments: true, multiline: true }],
	['every byte written on its own', { bytewise: true, pieces: 3 }],
	['gzip, flushed after every event', { encoding: 'gzip' as const }],
	['deflate', { encoding: 'deflate' as const }],
	['br', { encoding: 'br' as const, framing: 'crlf' as const }],
])('every framing gives the same chat text and item: %s', async (_name, framing) => {
	const question = `${QUESTION} — héllo 世界 🙂`;
	server.current.setStreaming(framing);
	const run = await runStreaming(server, ask(question));
	expect(run.error).toBeUndefined();
	expect(run.textOf()).toBe(`Echo: ${question}`);
	server.current.reset();
	expect(run.outputs).toEqual(await unstreamed(ask(question)));
});

test('the simplified-off output and every item of several, concurrently, are as without streaming', async () => {
	const node = {
		parameters: {
			messages: { values: [{ role: 'user', content: '={{ $json.q }}' }] },
			simplify: false,
			options: { concurrency: 3 },
		},
	};
	const items = [{ q: 'first question here' }, { q: 'second one' }, { q: 'third and last' }];
	server.current.setStreaming({ pieces: 3, intervalMs: 10 });
	const run = await runStreaming(server, node, items);
	for (const [index, item] of items.entries()) {
		expect(typesOf(run, index)).toEqual(['begin', 'item', 'item', 'item', 'end']);
		expect(run.textOf(index)).toBe(`Echo: ${item.q}`);
	}
	server.current.reset();
	const plain = await unstreamed(node, items);
	// The streamed envelope is rebuilt from the events: same content, not the same key order.
	expect(run.outputs).toEqual(plain);
});

test('Stream to Chat off, JSON mode, or an execution that does not stream: no stream asked, nothing sent', async () => {
	const off = await runStreaming(server, ask(QUESTION, { streamToChat: false }));
	const json = await runStreaming(
		server,
		ask('[[reply]]{"a": 1}', { responseFormat: 'json', streamToChat: true }),
	);
	for (const run of [off, json]) {
		expect(run.error).toBeUndefined();
		expect(run.chunks).toEqual([]);
	}
	expect(json.outputs![0][0].json.data).toEqual({ a: 1 });
	expect(server.current.apiRequests.map((request) => request.body.data.stream)).toEqual([
		undefined,
		undefined,
	]);
});

test('Stream to Chat given by an expression that is no boolean: the item fails naming the option', async () => {
	const run = await runStreaming(server, ask(QUESTION, { streamToChat: 'yes' }));
	expect(run.error?.message).toContain('Stream to Chat must be true or false');
	expect(server.current.apiRequests).toHaveLength(0);
});

test.each([
	[3, 'separate (the default of version 3)', 'Deep learning learns.'],
	[1, 'keep (the default of versions 1-2)', REPLY],
])(
	'a reasoning model, node version %d, Reasoning %s: the chat gets what response holds; the item is unchanged',
	async (typeVersion, _mode, shown) => {
		const node = {
			typeVersion,
			parameters: {
				model: 'deepseek-ai/deepseek-r1-distill-qwen-32b',
				messages: { values: [{ role: 'user', content: `[[reply]]${REPLY}` }] },
			},
		};
		server.current.setStreaming({ pieces: 12 });
		const run = await runStreaming(server, node);
		expect(run.error).toBeUndefined();
		expect(run.textOf()).toBe(shown);
		expect(run.outputs![0][0].json.response).toBe(shown);
		server.current.reset();
		expect(run.outputs).toEqual(await unstreamed(node));
	},
);
