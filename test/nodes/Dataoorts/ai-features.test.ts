/**
 * The optional AI features through n8n-core's WorkflowExecute against the loopback API:
 * JSON output mode, images as content parts, and the node as an AI Agent tool ($fromAI).
 */
import { createNodeAsTool } from 'n8n-core/dist/execution-engine/node-execution-context/utils/create-node-as-tool';

import { Dataoorts } from '../../../nodes/Dataoorts/Dataoorts.node';
import { MAX_IMAGE_BYTES } from '../../../nodes/shared/images';
import { JSON_INSTRUCTION } from '../../../nodes/Dataoorts/request-body';
import { dataoortsNode } from '../../helpers/engine';
import { runAgainst } from '../../helpers/run-against';
import { useDataoortsServer } from '../../helpers/server';

const server = useDataoortsServer();

const run = runAgainst(server);

const ask = (content: string) => ({ values: [{ role: 'user', content }] });

describe('JSON output mode', () => {
	test('the reply is parsed into data, also inside a ```json fence; the instruction is added', async () => {
		const result = await run(
			{ parameters: { messages: ask('={{ $json.q }}'), options: { responseFormat: 'json' } } },
			[
				{ q: '[[reply]]{"title": "Deep learning", "tags": ["ai"]}' },
				{ q: '[[reply]]```json\n{"title": "Fenced"}\n```' },
			],
		);
		expect(result.error).toBeUndefined();
		expect(result.outputs![0].map((item) => item.json.data)).toEqual([
			{ title: 'Deep learning', tags: ['ai'] },
			{ title: 'Fenced' },
		]);
		expect(result.outputs![0][0].json.response).toBe('{"title": "Deep learning", "tags": ["ai"]}');
		expect(server.current.requests[0].body.data.messages[0]).toEqual({
			role: 'system',
			content: JSON_INSTRUCTION,
		});
		expect(server.current.requests[0].body.data).not.toHaveProperty('guided_json');
	});

	test('a JSON schema goes upstream as guided_json, appended to an existing system prompt', async () => {
		const schema = {
			type: 'object',
			properties: { title: { type: 'string' } },
			required: ['title'],
		};
		const result = await run({
			parameters: {
				messages: {
					values: [
						{ role: 'system', content: 'You title things.' },
						{ role: 'user', content: '[[reply]]{"title": "T"}' },
					],
				},
				options: { responseFormat: 'json', jsonSchema: JSON.stringify(schema) },
			},
		});
		expect(result.outputs![0][0].json.data).toEqual({ title: 'T' });
		const sent = server.current.requests[0].body.data;
		expect(sent.guided_json).toEqual(schema);
		expect(sent.messages[0]).toEqual({
			role: 'system',
			content: `You title things.\n\n${JSON_INSTRUCTION}`,
		});
	});

	test("with simplify off, data is added beside the API's whole answer", async () => {
		const result = await run({
			parameters: {
				messages: ask('[[reply]][1, 2]'),
				simplify: false,
				options: { responseFormat: 'json' },
			},
		});
		expect(result.outputs![0][0].json).toMatchObject({
			success: true,
			result: { response: '[1, 2]' },
			data: [1, 2],
		});
	});

	test('an unparseable reply is a clear error quoting its start; with continue on fail, an error item in place', async () => {
		const items = [
			{ q: '[[reply]]{"ok": true}' },
			{ q: '[[reply]]Sure! Here is your JSON: {ok: yes}' },
		];
		const parameters = { messages: ask('={{ $json.q }}'), options: { responseFormat: 'json' } };
		const stopped = await run({ parameters }, items);
		expect(stopped.error?.message).toBe(
			'The model\'s reply is not valid JSON (Response Format is JSON): "Sure! Here is your JSON: {ok: yes}" [item 1]',
		);
		const continued = await run({ parameters, onError: 'continueRegularOutput' }, items);
		expect(
			continued.outputs![0].map((item) => [item.pairedItem, item.json.data ?? item.json.error]),
		).toEqual([
			[{ item: 0 }, { ok: true }],
			[{ item: 1 }, expect.stringContaining('is not valid JSON')],
		]);
	});

	test('an invalid schema or format is rejected before any request', async () => {
		const badSchema = await run({
			parameters: {
				messages: ask('x'),
				options: { responseFormat: 'json', jsonSchema: '{not json' },
			},
		});
		expect(badSchema.error?.message).toMatch(/^JSON Schema is not valid JSON: .* \[item 0\]$/);
		const badFormat = await run({
			parameters: { messages: ask('x'), options: { responseFormat: '={{ "xml" }}' } },
		});
		expect(badFormat.error?.message).toBe(
			'Response Format is unknown: got "xml", allowed are text, json [item 0]',
		);
		expect(server.current.requests).toHaveLength(0);
	});
});

describe('images', () => {
	// A 1×1 PNG.
	const png =
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
	const jpeg = Buffer.from('fake jpeg bytes').toString('base64');

	test("each named binary property is sent as an image_url data URI after the last user message's text", async () => {
		const result = await run(
			{
				parameters: {
					messages: {
						values: [
							{ role: 'system', content: 'Describe images.' },
							{ role: 'user', content: 'What is in these?' },
						],
					},
					options: { imageBinaryProperties: 'photo, scan' },
				},
			},
			[
				{
					$binary: {
						photo: { data: png, mimeType: 'image/png', fileName: 'a.png' },
						scan: { data: jpeg, mimeType: 'image/jpeg' },
					},
				},
			],
		);
		expect(result.error).toBeUndefined();
		expect(server.current.requests[0].body.data.messages).toEqual([
			{ role: 'system', content: 'Describe images.' },
			{
				role: 'user',
				content: [
					{ type: 'text', text: 'What is in these?' },
					{ type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } },
					{ type: 'image_url', image_url: { url: `data:image/jpeg;base64,${jpeg}` } },
				],
			},
		]);
		expect(result.outputs![0][0].json.response).toBe('Echo: What is in these?');
	});

	test.each([
		[
			'a missing property',
			{ photo: { data: png, mimeType: 'image/png' } },
			'scan',
			'the input item has no binary property "scan"; it has "photo"',
		],
		[
			'a wrong mime type',
			{ scan: { data: jpeg, mimeType: 'application/pdf' } },
			'scan',
			'binary property "scan" is "application/pdf", not an image the API takes',
		],
		[
			'an image over the limit',
			{
				scan: { data: Buffer.alloc(MAX_IMAGE_BYTES + 1).toString('base64'), mimeType: 'image/png' },
			},
			'scan',
			`binary property "scan" is ${MAX_IMAGE_BYTES + 1} bytes, over the ${MAX_IMAGE_BYTES}-byte limit per image`,
		],
	])(
		'%s is a clear error naming the property; nothing is sent',
		async (_name, binary, property, message) => {
			const result = await run(
				{ parameters: { messages: ask('x'), options: { imageBinaryProperties: property } } },
				[{ $binary: binary }],
			);
			// The panel's words in the message, the parameter's path in the description.
			expect(result.error?.message).toMatch(/^Image Binary Properties: /);
			expect(result.error?.description).toContain('Parameter options.imageBinaryProperties.');
			expect(result.error?.message).toContain(message);
			expect(result.error?.message).toContain('[item 0]');
			expect(server.current.requests).toHaveLength(0);
		},
	);

	test('a catalog model without vision refuses images; a vision model given by expression gets them', async () => {
		const items = [{ $binary: { data: { data: png, mimeType: 'image/png' } } }];
		const refused = await run(
			{
				parameters: {
					model: 'meta/llama-3.1-8b-instruct',
					messages: ask('x'),
					options: { imageBinaryProperties: 'data' },
				},
			},
			items,
		);
		expect(refused.error?.message).toContain(
			'Model meta/llama-3.1-8b-instruct does not accept images; use google/gemma-3-12b-it or meta/llama-4-scout-17b-16e-instruct',
		);
		await run(
			{
				parameters: {
					model: '={{ "meta/llama-4-scout-17b-16e-instruct" }}',
					messages: ask('x'),
					options: { imageBinaryProperties: 'data' },
				},
			},
			items,
		);
		expect(server.current.requests[0].body.model).toBe('meta/llama-4-scout-17b-16e-instruct');
		expect(server.current.requests[0].body.data.messages[0].content[1].type).toBe('image_url');
	});
});

describe('as an AI Agent tool', () => {
	const toolParameters = {
		model: 'google/gemma-3-12b-it',
		messages: {
			values: [
				{ role: 'system', content: 'Answer in one sentence.' },
				{
					role: 'user',
					content: "={{ $fromAI('question', 'The question to ask the model', 'string') }}",
				},
			],
		},
		options: {
			temperature: "={{ $fromAI('temperature', 'Sampling temperature from 0 to 5', 'number') }}",
		},
	};

	test('n8n turns the node into a tool whose arguments are the $fromAI() keys with their descriptions', () => {
		const node = dataoortsNode({ name: 'Ask Dataoorts', parameters: toolParameters });
		const tool = createNodeAsTool({
			node,
			nodeType: new Dataoorts(),
			handleToolInvocation: async () => 'unused',
		}).response;
		const shape = (tool.schema as unknown as { shape: Record<string, { description?: string }> })
			.shape;
		expect(Object.keys(shape).sort()).toEqual(['question', 'temperature']);
		expect(shape.question.description).toBe('The question to ask the model');
		expect(shape.temperature.description).toBe('Sampling temperature from 0 to 5');
	});

	test("the agent's arguments fill the request, and are validated like any value", async () => {
		// n8n runs a tool node with the agent's arguments as its input item.
		const result = await run({ parameters: toolParameters }, [
			{ question: 'What is a tensor?', temperature: 0.3 },
		]);
		expect(result.outputs![0][0].json.response).toBe('Echo: What is a tensor?');
		expect(server.current.requests[0].body.data).toMatchObject({ temperature: 0.3 });

		const invalid = await run({ parameters: toolParameters }, [{ question: 'x', temperature: 9 }]);
		expect(invalid.error?.message).toContain('Sampling Temperature is out of range: got 9');
	});
});
