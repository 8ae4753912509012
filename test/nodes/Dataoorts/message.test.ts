/**
 * Message a Model for one item, through n8n-core's WorkflowExecute against the loopback server:
 * each item's own request, its output item in its place, and its chat stream closed whatever the
 * outcome.
 */
import { SECRET_KEY } from '../../helpers/fixtures';
import { useNodeRun, userMessage } from '../../helpers/node-run';
import { useDataoortsServer } from '../../helpers/server';
import { runStreaming, typesOf } from '../../helpers/streaming';

describe('through the engine', () => {
	const { server, run } = useNodeRun();

	test('each item sends its own model and message; its output item keeps its place', async () => {
		const result = await run(
			{
				parameters: {
					model: '={{ $json.model }}',
					messages: userMessage('={{ $json.q }}'),
					options: { maxRetries: 0 },
				},
			},
			[
				{ q: 'first', model: 'google/gemma-3-12b-it' },
				{ q: 'second', model: 'meta/llama-3.1-8b-instruct' },
			],
		);
		expect(result.error).toBeUndefined();
		const sent = server.current.apiRequests.map((request) => [
			request.body.model,
			request.body.data.messages[0].content,
		]);
		expect(sent.sort()).toEqual([
			['google/gemma-3-12b-it', 'first'],
			['meta/llama-3.1-8b-instruct', 'second'],
		]);
		const output = result.outputs![0];
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output.map((item) => [item.json.response, item.json.model])).toEqual([
			['Echo: first', 'google/gemma-3-12b-it'],
			['Echo: second', 'meta/llama-3.1-8b-instruct'],
		]);
	});

	test('an item that fails its checks is not sent; the error names the field', async () => {
		const result = await run(
			{
				parameters: { messages: userMessage('={{ $json.q }}'), options: { maxRetries: 0 } },
				onError: 'continueRegularOutput',
			},
			[{ q: '' }, { q: 'ok' }],
		);
		expect(result.error).toBeUndefined();
		const [failed, answered] = result.outputs![0];
		expect(failed.json.error).toContain('Content is empty');
		expect(answered.json.response).toBe('Echo: ok');
		expect(server.current.apiRequests).toHaveLength(1);
	});
});

describe('in an execution that streams', () => {
	const server = useDataoortsServer({ apiKey: SECRET_KEY });
	const ask = (content: string) => ({
		parameters: { messages: userMessage(content), options: { maxRetries: 0 } },
		onError: 'continueRegularOutput' as const,
	});

	test('the answer reaches the chat as begin, pieces, end; the item holds the same text', async () => {
		server.current.setStreaming({ pieces: 3 });
		const streamed = await runStreaming(server, ask('hello there'));
		expect(streamed.error).toBeUndefined();
		expect(typesOf(streamed)).toEqual(['begin', 'item', 'item', 'item', 'end']);
		expect(streamed.textOf()).toBe('Echo: hello there');
		expect(streamed.outputs![0][0].json.response).toBe('Echo: hello there');
	});

	test('a request refused before any piece: no chunk for it, an error item in its place', async () => {
		server.current.setStreaming({ pieces: 3 });
		const streamed = await runStreaming(server, ask('refused [[fault:400]]'));
		expect(streamed.error).toBeUndefined();
		expect(streamed.chunks).toEqual([]);
		expect(streamed.outputs![0][0].json.error).toContain('Dataoorts answered 400');
	});
});
