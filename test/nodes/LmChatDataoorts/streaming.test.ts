/**
 * The Dataoorts Chat Model streams: its stream() yields a text delta per piece as the loopback
 * upstream writes it (through the LangChain adapter the AI Agent uses, too), reasoning deltas for
 * the thoughts of reasoning models, tool calls and a finish with usage; generate() does not stream.
 */
import { HumanMessage } from '@langchain/core/messages';
import type { Message, StreamChunk } from '@n8n/ai-node-sdk';
import { NodeApiError } from 'n8n-workflow';

import { chatModelHarness } from '../../helpers/chat-model';
import { SECRET_KEY } from '../../helpers/fixtures';
import { useDataoortsServer } from '../../helpers/server';

const server = useDataoortsServer({ apiKey: SECRET_KEY });
const { supplyModel } = chatModelHarness(() => server.current.baseUrl);

const user = (text: string): Message[] => [{ role: 'user', content: [{ type: 'text', text }] }];

/** The chat model class itself, as the SDK hands it to the adapter. */
async function chatModel(model = 'meta/llama-3.1-8b-instruct', options = {}) {
	const { model: adapter } = await supplyModel({ model, options });
	return adapter.chatModel as {
		stream(messages: Message[]): AsyncIterable<StreamChunk>;
		generate(messages: Message[]): Promise<{ message: { content: unknown[] } }>;
	};
}

async function collect(stream: AsyncIterable<StreamChunk>) {
	const chunks: Array<StreamChunk & { at: number }> = [];
	for await (const chunk of stream) chunks.push({ ...chunk, at: performance.now() });
	return chunks;
}

test('a text delta per piece, each before the upstream writes the next; then a finish with usage', async () => {
	server.current.setStreaming({ pieces: 5, intervalMs: 40 });
	const chunks = await collect((await chatModel()).stream(user('five pieces of text please')));
	const [request] = server.current.apiRequests;
	expect(request.body.data.stream).toBe(true);
	const deltas = chunks.filter((chunk) => chunk.type === 'text-delta');
	expect(deltas.map((chunk) => chunk.type === 'text-delta' && chunk.delta)).toEqual(
		request.pieces!.map((piece) => piece.text),
	);
	for (let index = 1; index < deltas.length; index++)
		expect(deltas[index - 1].at).toBeLessThan(request.pieces![index].at);
	expect(chunks[chunks.length - 1]).toMatchObject({
		type: 'finish',
		finishReason: 'stop',
		usage: { promptTokens: 5, completionTokens: 6, totalTokens: 11 },
	});
});

test('through the LangChain adapter (the AI Agent path): the chunks arrive one by one', async () => {
	server.current.setStreaming({ pieces: 4, intervalMs: 20 });
	const { model } = await supplyModel();
	const texts: string[] = [];
	for await (const chunk of await model.stream([new HumanMessage('four pieces here')]))
		if (chunk.text !== '') texts.push(chunk.text);
	expect(texts).toHaveLength(4);
	expect(texts.join('')).toBe('Echo: four pieces here');
});

test('a reasoning model: the thoughts as reasoning deltas, only the answer as text', async () => {
	const reply = 'Okay, so I need to explain.\n</think>\n\nDeep learning is a subset of ML.';
	server.current.setStreaming({ pieces: 15 });
	const chunks = await collect((await chatModel('qwen/qwq-32b')).stream(user(`[[reply]]${reply}`)));
	const of = (type: string) =>
		chunks
			.filter((chunk) => chunk.type === type)
			.map((chunk) => (chunk as { delta: string }).delta)
			.join('');
	expect(of('reasoning-delta')).toBe('Okay, so I need to explain.\n');
	expect(of('text-delta')).toBe('Deep learning is a subset of ML.');
	expect(chunks.filter((chunk) => chunk.type === 'reasoning-delta').length).toBeGreaterThan(1);
});

test('tool calls from the stream events come as tool-call deltas, and the finish says tool-calls', async () => {
	server.current.setStreaming({ pieces: 2 });
	const chunks = await collect(
		(await chatModel()).stream(user('[[tool:get_weather:{"city":"Oslo"}]]')),
	);
	expect(chunks.filter((chunk) => chunk.type !== 'finish')).toEqual([
		expect.objectContaining({
			type: 'tool-call-delta',
			name: 'get_weather',
			argumentsDelta: '{"city":"Oslo"}',
		}),
	]);
	expect(chunks[chunks.length - 1]).toMatchObject({ type: 'finish', finishReason: 'tool-calls' });
});

test('generate() does not ask for a stream', async () => {
	const result = await (await chatModel()).generate(user('whole please'));
	expect(result.message.content).toEqual([{ type: 'text', text: 'Echo: whole please' }]);
	expect(server.current.apiRequests[0].body.data).not.toHaveProperty('stream');
});

test("a stream broken off after pieces: the node's error naming it, no retry; the pieces came first", async () => {
	server.current.setStreaming({ mode: 'break-after', breakAfter: 2, pieces: 6 });
	const model = await chatModel(undefined, { maxRetries: 2 });
	const seen: string[] = [];
	const failure = await (async () => {
		for await (const chunk of model.stream(user('break me off please')))
			if (chunk.type === 'text-delta') seen.push(chunk.delta);
	})().catch((error: unknown) => error);
	expect(failure).toBeInstanceOf(NodeApiError);
	expect((failure as Error).message).toContain('broke off after 2 pieces');
	expect(seen).toHaveLength(2);
	expect(server.current.apiRequests).toHaveLength(1);
});

test('an upstream that ignores stream: the whole answer as one text delta', async () => {
	server.current.setStreaming({ mode: 'ignore' });
	const chunks = await collect((await chatModel()).stream(user('one piece')));
	expect(chunks.map((chunk) => chunk.type)).toEqual(['text-delta', 'finish']);
	expect(chunks[0]).toMatchObject({ delta: 'Echo: one piece' });
});
