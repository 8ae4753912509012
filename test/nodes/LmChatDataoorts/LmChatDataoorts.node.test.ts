/**
 * The Dataoorts Chat Model sub-node against the loopback Dataoorts server, through the path n8n
 * takes: supplyData() → the SDK's supplyModel() → LangChain adapter, used as the Basic LLM
 * Chain and the AI Agent use it (invoke, pipe, bindTools, stream, AgentExecutor).
 */
import {
	AIMessage,
	AIMessageChunk,
	HumanMessage,
	SystemMessage,
	ToolMessage,
} from '@langchain/core/messages';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { DynamicStructuredTool } from '@langchain/core/tools';
import { NodeApiError, NodeOperationError, type IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { HYPERPARAMETERS } from '../../../nodes/shared/parameters/table';
import * as transport from '../../../nodes/shared/transport';
import { connectionFromCredentials } from '../../../nodes/shared/connection';
import { DataoortsAbortError } from '../../../nodes/shared/errors/errors';
import { DataoortsChatModel } from '../../../nodes/LmChatDataoorts/DataoortsChatModel';
import {
	LmChatDataoorts,
	MIN_N8N_VERSION,
} from '../../../nodes/LmChatDataoorts/LmChatDataoorts.node';
import { chatModelHarness } from '../../helpers/chat-model';
import { drive, useFakeClock } from '../../helpers/fake-clock';
import { SECRET_KEY } from '../../helpers/fixtures';
import { useDataoortsServer } from '../../helpers/server';

const server = useDataoortsServer({ apiKey: SECRET_KEY });
// Fake time, which the server reads too: timeouts, backoffs and pauses take no real time.
const clock = useFakeClock();
const timed = <T>(work: Promise<T>) => drive(clock.current, work);

const { supplyContext, supplyModel } = chatModelHarness(() => server.current.baseUrl);

const lastBody = () => server.current.apiRequests[server.current.apiRequests.length - 1].body;

const weatherTool = new DynamicStructuredTool({
	name: 'get_weather',
	description: 'Current weather for a city',
	schema: z.object({ city: z.string().describe('City name') }),
	func: async ({ city }: { city: string }) => `Sunny in ${city}, 21C`,
});

describe('description', () => {
	const { description } = new LmChatDataoorts();

	test('an AI language-model sub-node with the package credential, catalog and minimum n8n version', () => {
		expect(description.name).toBe('lmChatDataoorts');
		expect(description.inputs).toEqual([]);
		expect(description.outputs).toEqual(['ai_languageModel']);
		expect(description.credentials).toEqual([
			{ name: 'dataoortsApi', required: true, testedBy: 'dataoortsApiTest' },
		]);
		expect(description.codex?.subcategories).toEqual({
			AI: ['Language Models', 'Root Nodes'],
			'Language Models': ['Chat Models (Recommended)'],
		});
		expect(MIN_N8N_VERSION).toBe('2.16.0');
		expect(description.description).toContain('2.16.0');
		// The panel's notice says how to connect it; the version is in the description (and in
		// the error on older n8n), not a warning shown on every n8n that already runs it.
		expect(
			description.properties.find((property) => property.type === 'notice')?.displayName,
		).not.toContain('2.16.0');
		expect(description.version).toEqual([1, 2, 3]);
		expect(description.defaultVersion).toBe(3);
		const models = description.properties.filter((property) => property.name === 'model');
		expect(models.map((model) => model.type)).toEqual(['options', 'resourceLocator']);
		expect(models[0].default).toBe('google/gemma-3-12b-it');
		expect(models[0].options).toHaveLength(9);
	});
});

test('version 2: the model picked From List or By ID is the one sent', async () => {
	for (const [mode, value] of [
		['list', 'qwen/qwq-32b'],
		['id', 'meta/llama-3.1-70b-instruct'],
	]) {
		const { model } = await supplyModel({ model: { __rl: true, mode, value } });
		await model.invoke([new HumanMessage('Which model?')]);
		expect(lastBody().model).toBe(value);
	}
});

describe('images an AI Agent passes', () => {
	// A 1×1 PNG.
	const png =
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
	const withImage = (mimeType: string) =>
		new HumanMessage({
			content: [
				{ type: 'text', text: 'What is in this picture?' },
				{ type: 'image', mimeType, data: png },
			],
		});

	test('reach a vision model as an image_url part after the text', async () => {
		const { model } = await supplyModel({ model: 'google/gemma-3-12b-it' });
		await model.invoke([withImage('image/png')]);
		expect(lastBody().data.messages).toEqual([
			{
				role: 'user',
				content: [
					{ type: 'text', text: 'What is in this picture?' },
					{ type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } },
				],
			},
		]);
	});

	test('are refused for a catalog model without vision, and for another file type', async () => {
		const { model } = await supplyModel({ model: 'meta/llama-3.1-8b-instruct' });
		await expect(model.invoke([withImage('image/png')])).rejects.toThrow(
			'Model meta/llama-3.1-8b-instruct does not accept images',
		);
		const { model: vision } = await supplyModel({ model: 'google/gemma-3-12b-it' });
		await expect(vision.invoke([withImage('image/tiff')])).rejects.toThrow(
			'Image 1 of message 1 is "image/tiff", not an image the API takes',
		);
		expect(server.current.apiRequests).toHaveLength(0);
	});
});

describe('the Basic LLM Chain path (supplyData → supplyModel → LangChain)', () => {
	test('supplyData hands over a LangChain chat model that can bind tools', async () => {
		const { model } = await supplyModel();
		expect(model._llmType()).toBe('n8n-chat-model');
		expect(typeof model.invoke).toBe('function');
		expect(typeof model.bindTools).toBe('function');
		expect(server.current.requests).toHaveLength(0);
	});

	test('invoke: one request with the documented body; the answer, usage and tracing come back', async () => {
		const { model, recorded } = await supplyModel({
			options: { temperature: 0.3, maxTokens: 100 },
		});
		const reply: AIMessage = await model.invoke([
			new SystemMessage('Be brief.'),
			new HumanMessage('Capital of France?'),
		]);
		expect(server.current.apiRequests).toHaveLength(1);
		const request = server.current.apiRequests[0];
		expect(request.authorization).toBe(`Bearer ${SECRET_KEY}`);
		expect(request.body).toEqual({
			model: 'meta/llama-3.1-8b-instruct',
			data: {
				messages: [
					{ role: 'system', content: 'Be brief.' },
					{ role: 'user', content: 'Capital of France?' },
				],
				temperature: 0.3,
				max_tokens: 100,
			},
		});
		expect(reply.text).toBe('Echo: Capital of France?');
		expect(reply.usage_metadata).toMatchObject({
			input_tokens: 5,
			output_tokens: 4,
			total_tokens: 9,
		});
		// n8n's tracing fills the sub-node's input and output panels.
		expect(recorded.inputs).toHaveLength(1);
		expect(JSON.stringify(recorded.outputs)).toContain('Echo: Capital of France?');
		expect(recorded.events.map((entry) => entry.event)).toContain('ai-llm-generated-output');
		// Token usage reaches n8n's AI logs the way its own chat models report it.
		expect(JSON.stringify(recorded.outputs)).toContain(
			'"tokenUsage":{"completionTokens":4,"promptTokens":5,"totalTokens":9}',
		);
	});

	test('every hyperparameter of the table reaches data.<apiName>, at its documented bounds', async () => {
		for (const bound of ['min', 'max'] as const) {
			const options: IDataObject = {};
			const expected: IDataObject = {};
			for (const spec of HYPERPARAMETERS) {
				const value = bound === 'max' && spec.max !== undefined ? spec.max : spec.min;
				options[spec.option] = value;
				expected[spec.apiName] = value;
			}
			const { model } = await supplyModel({ options });
			await model.invoke([new HumanMessage('bounds')]);
			expect(lastBody().data).toEqual({
				messages: [{ role: 'user', content: 'bounds' }],
				...expected,
			});
		}
		// The server checks the documented ranges itself: both answers were successes.
		expect(server.current.apiRequests.map((request) => request.status)).toEqual([200, 200]);
	});

	test('prompt | model | StringOutputParser, as the Basic LLM Chain builds it', async () => {
		const { model } = await supplyModel({ model: 'google/gemma-3-12b-it' });
		const chain = ChatPromptTemplate.fromMessages([['human', '{question}']])
			.pipe(model)
			.pipe(new StringOutputParser());
		await expect(chain.invoke({ question: 'Say hi in French' })).resolves.toBe(
			'Echo: Say hi in French',
		);
		expect(lastBody().model).toBe('google/gemma-3-12b-it');
	});

	test('stream(): the streamed answer arrives as text deltas', async () => {
		const { model } = await supplyModel();
		let streamed = '';
		for await (const chunk of await model.stream([new HumanMessage('stream me')]))
			streamed += chunk.text;
		expect(streamed).toBe('Echo: stream me');
	});
});

describe('tools (the AI Agent path)', () => {
	test('bindTools: data.tools holds a JSON schema; result.tool_calls become AIMessage.tool_calls with unique ids', async () => {
		const { model } = await supplyModel();
		const bound = model.bindTools([weatherTool]);
		const reply: AIMessage = await bound.invoke([
			new HumanMessage(
				'Weather in Oslo and Rome? [[tool:get_weather:{"city":"Oslo"}]] [[tool:get_weather:{"city":"Rome"}]]',
			),
		]);
		expect(lastBody().data.tools).toEqual([
			{
				type: 'function',
				function: {
					name: 'get_weather',
					description: 'Current weather for a city',
					parameters: expect.objectContaining({
						type: 'object',
						properties: {
							city: expect.objectContaining({ type: 'string', description: 'City name' }),
						},
						required: ['city'],
					}),
				},
			},
		]);
		expect(reply.tool_calls?.map((call) => [call.name, call.args])).toEqual([
			['get_weather', { city: 'Oslo' }],
			['get_weather', { city: 'Rome' }],
		]);
		const ids = reply.tool_calls!.map((call) => call.id);
		expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
		expect(new Set(ids).size).toBe(2);
		// Binding made a new model: the original one still sends no tools.
		await model.invoke([new HumanMessage('plain')]);
		expect(lastBody().data.tools).toBeUndefined();
	});

	test('history: an AIMessage with tool calls and its ToolMessage become assistant tool_calls and a tool message', async () => {
		const { model } = await supplyModel();
		const reply: AIMessage = await model.bindTools([weatherTool]).invoke([
			new HumanMessage('Weather in Oslo?'),
			new AIMessage({
				content: '',
				tool_calls: [
					{ id: 'call_1', name: 'get_weather', args: { city: 'Oslo' }, type: 'tool_call' },
				],
			}),
			new ToolMessage({ content: 'Sunny in Oslo, 21C', tool_call_id: 'call_1' }),
		]);
		expect(lastBody().data.messages).toEqual([
			{ role: 'user', content: 'Weather in Oslo?' },
			{
				role: 'assistant',
				content: '',
				tool_calls: [{ id: 'call_1', name: 'get_weather', arguments: { city: 'Oslo' } }],
			},
			{ role: 'tool', tool_call_id: 'call_1', name: 'get_weather', content: 'Sunny in Oslo, 21C' },
		]);
		expect(reply.text).toBe('Tool get_weather said: Sunny in Oslo, 21C');
	});

	test('a whole agent loop (createToolCallingAgent + AgentExecutor): call the tool, then answer from its result', async () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { createToolCallingAgent, AgentExecutor } = require('@langchain/classic/agents');
		const { model } = await supplyModel();
		const prompt = ChatPromptTemplate.fromMessages([
			['system', 'You are helpful'],
			['placeholder', '{chat_history}'],
			['human', '{input}'],
			['placeholder', '{agent_scratchpad}'],
		]);
		const agent = createToolCallingAgent({
			llm: model,
			tools: [weatherTool],
			prompt,
			streamRunnable: false,
		});
		const executor = new AgentExecutor({ agent, tools: [weatherTool] });
		const result = await executor.invoke({
			input: 'Weather in Oslo? [[tool:get_weather:{"city":"Oslo"}]]',
		});
		const output = Array.isArray(result.output)
			? result.output
					.filter((block: { type: string }) => block.type === 'text')
					.map((block: { text: string }) => block.text)
					.join('')
			: result.output;
		expect(output).toBe('Tool get_weather said: Sunny in Oslo, 21C');
		expect(server.current.apiRequests).toHaveLength(2);
		const second = server.current.apiRequests[1].body.data.messages;
		expect(second.map((message: { role: string }) => message.role)).toEqual([
			'system',
			'user',
			'assistant',
			'tool',
		]);
		expect(second[3].tool_call_id).toBe(second[2].tool_calls[0].id);
	});

	test('stream(): two tool calls stay two calls after LangChain concatenates the chunks', async () => {
		const { model } = await supplyModel();
		let merged: AIMessageChunk | undefined;
		const stream = await model
			.bindTools([weatherTool])
			.stream([
				new HumanMessage(
					'[[tool:get_weather:{"city":"Oslo"}]] [[tool:get_weather:{"city":"Rome"}]]',
				),
			]);
		for await (const chunk of stream) merged = merged ? merged.concat(chunk) : chunk;
		expect(merged?.tool_calls?.map((call) => call.args)).toEqual([
			{ city: 'Oslo' },
			{ city: 'Rome' },
		]);
	});
});

describe('errors', () => {
	test("an API error reaches the chain as the node's NodeApiError with a hint, after exactly 1 + maxRetries requests", async () => {
		const { model, recorded } = await supplyModel({ options: { maxRetries: 0 } });
		const failure = await model
			.invoke([new HumanMessage('[[fault:500]]')])
			.catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(NodeApiError);
		expect((failure as NodeApiError).message).toBe(
			'Dataoorts answered 500: Internal server error (code 7010)',
		);
		expect((failure as NodeApiError).description).toMatch(/temporary problem/);
		expect(server.current.apiRequests).toHaveLength(1);
		// n8n's tracing shows the error on the sub-node.
		expect(recorded.outputs.some((entry) => entry instanceof NodeApiError)).toBe(true);
	});

	test("retries are the transport's: a 503 then success is one invoke, two requests", async () => {
		server.current.setFaultPlan(({ attempt }) =>
			attempt === 1 ? { kind: 'status', status: 503, retryAfter: '0' } : undefined,
		);
		const { model } = await supplyModel({ options: { maxRetries: 2 } });
		const reply: AIMessage = await model.invoke([new HumanMessage('flaky')]);
		expect(reply.text).toBe('Echo: flaky');
		expect(server.current.apiRequests.map((request) => request.status)).toEqual([503, 200]);
	});

	test('the timeout option bounds one attempt', async () => {
		const { model } = await supplyModel({ options: { timeout: 1000, maxRetries: 0 } });
		await expect(timed(model.invoke([new HumanMessage('[[fault:slow:5000]]')]))).rejects.toThrow(
			'Dataoorts did not answer within 1000 ms',
		);
	});

	test('an unknown model is reported with the model hint', async () => {
		const { model } = await supplyModel({ model: 'acme/nope', options: { maxRetries: 0 } });
		const failure = (await model
			.invoke([new HumanMessage('x')])
			.catch((error: unknown) => error)) as NodeApiError;
		expect(failure.message).toBe(
			'Dataoorts answered 400: No such model acme/nope or task (code 5007)',
		);
		expect(failure.description).toMatch(/Check the model ID/);
	});

	test("options out of the table's range fail in supplyData, before any request", async () => {
		const failure = await supplyModel({ options: { topK: 51 } }).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(NodeOperationError);
		expect((failure as NodeOperationError).message).toBe(
			'Top K is out of range: got 51, allowed is a whole number from 1 to 50 [item 0]',
		);
		await expect(supplyModel({ options: { timeout: 'soon' } })).rejects.toThrow(
			/Timeout \(Milliseconds\) is not a number/,
		);
		await expect(supplyModel({ model: '' })).rejects.toThrow(/Model must be a model ID/);
		expect(server.current.requests).toHaveLength(0);
	});

	test('an unsafe base URL is refused before the key is sent', async () => {
		const { model } = await supplyModel({}, { baseUrl: 'http://example.com/api/v1' });
		await expect(model.invoke([new HumanMessage('x')])).rejects.toThrow(
			/Refusing to send the API key over plain http/,
		);
	});

	test('without @n8n/ai-node-sdk (n8n before 2.16.0) the node file loads and supplyData says which n8n is needed', async () => {
		let failure: NodeOperationError | undefined;
		await jest.isolateModulesAsync(async () => {
			jest.doMock('@n8n/ai-node-sdk', () => {
				throw Object.assign(
					new Error("Cannot find module '@n8n/ai-node-sdk' from 'LmChatDataoorts.node.ts'"),
					{ code: 'MODULE_NOT_FOUND' },
				);
			});
			try {
				// eslint-disable-next-line @typescript-eslint/no-require-imports
				const { LmChatDataoorts: Node } =
					require('../../../nodes/LmChatDataoorts/LmChatDataoorts.node') as typeof import('../../../nodes/LmChatDataoorts/LmChatDataoorts.node');
				expect(new Node().description.name).toBe('lmChatDataoorts');
				const { context } = supplyContext({ model: 'google/gemma-3-12b-it' });
				failure = (await new Node().supplyData
					.call(context, 0)
					.catch((error: unknown) => error)) as NodeOperationError;
			} finally {
				jest.dontMock('@n8n/ai-node-sdk');
			}
		});
		// The isolated registry has its own n8n-workflow, so the class is compared by name.
		expect(failure?.constructor.name).toBe('NodeOperationError');
		expect(failure?.message).toBe('The Dataoorts Chat Model needs n8n 2.16.0 or newer');
		expect(failure?.description).toMatch(/use the Dataoorts node/);
		expect(server.current.requests).toHaveLength(0);
	});
});

describe('cancellation', () => {
	test("LangChain's signal reaches the transport and stops the request in flight", async () => {
		const send = jest.spyOn(transport, 'sendChatRequest');
		try {
			const { model } = await supplyModel({ options: { maxRetries: 3 } });
			const stop = new AbortController();
			const pending = model
				.invoke([new HumanMessage('[[fault:slow:10000]]')], { signal: stop.signal })
				.catch((error: unknown) => error);
			while (server.current.apiRequests.length === 0)
				await new Promise((resolve) => setTimeout(resolve, 10));
			const startedAt = clock.current.now();
			stop.abort();
			const failure = await pending;
			expect(failure).toBeInstanceOf(Error);
			expect(send).toHaveBeenCalledTimes(1);
			const signal = send.mock.calls[0][0].signal;
			expect(signal).toBeDefined();
			expect(signal!.aborted).toBe(true);
			// The HTTP request was closed, not left running, and not retried.
			for (
				let waited = 0;
				server.current.apiRequests[0].closedEarlyAt === undefined && waited < 2000;
				waited += 10
			) {
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
			expect(server.current.apiRequests[0].closedEarlyAt).toBeDefined();
			expect(server.current.apiRequests[0].closedEarlyAt! - startedAt).toBeLessThan(1000);
			expect(server.current.apiRequests).toHaveLength(1);
		} finally {
			send.mockRestore();
		}
	});

	test("the model class alone honours the SDK's abortSignal too", async () => {
		const model = new DataoortsChatModel(
			'google/gemma-3-12b-it',
			connectionFromCredentials({ baseUrl: server.current.baseUrl, apiKey: SECRET_KEY }),
			{ timeoutMs: 30_000, maxRetries: 0 },
		);
		const stop = new AbortController();
		stop.abort();
		await expect(
			model.generate([{ role: 'user', content: [{ type: 'text', text: 'x' }] }], {
				abortSignal: stop.signal,
			}),
		).rejects.toBeInstanceOf(DataoortsAbortError);
		expect(server.current.requests).toHaveLength(0);
	});
});

describe('rate limits: the same governor as the Dataoorts node', () => {
	test("the chat model's 429 pauses the account for the Dataoorts node's requests too, and is logged on the sub-node", async () => {
		server.current.setFaultPlan(({ index }) =>
			index === 0 ? { kind: 'status', status: 429, retryAfter: '1' } : undefined,
		);
		const { context } = supplyContext({ model: 'meta/llama-3.1-8b-instruct' });
		const warn = jest.spyOn(context.logger, 'warn');
		const supplied = await new LmChatDataoorts().supplyData.call(context, 0);
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const chat = (supplied.response as any).invoke([new HumanMessage('from the chain')]);
		while (server.current.apiRequests.length === 0)
			await new Promise((resolve) => setTimeout(resolve, 5));
		await new Promise((resolve) => setTimeout(resolve, 50));
		// What the Dataoorts node sends with the same credential now waits for the same pause.
		const fromNode = transport.sendChatRequest({
			connection: connectionFromCredentials({
				baseUrl: server.current.baseUrl,
				apiKey: SECRET_KEY,
			}),
			body: {
				model: 'google/gemma-3-12b-it',
				data: { messages: [{ role: 'user', content: 'node' }] },
			},
			timeoutMs: 10_000,
			maxRetries: 0,
		});
		const [reply] = await timed(Promise.all([chat, fromNode]));
		expect((reply as AIMessage).text).toBe('Echo: from the chain');
		const [refused, ...later] = server.current.apiRequests;
		expect(refused.status).toBe(429);
		expect(later).toHaveLength(2);
		for (const request of later)
			expect(request.receivedAt).toBeGreaterThanOrEqual(refused.answeredAt! + 990);
		expect(warn).toHaveBeenCalledTimes(1);
		expect(warn.mock.calls[0][0]).toMatch(
			/is rate limited \(429\): pausing its requests for 1 s \(Retry-After\), then sending at most/,
		);
	});

	test('Max Rate Limit Wait is an option of the sub-node too', async () => {
		server.current.setFaultPlan(() => ({ kind: 'status', status: 429, retryAfter: '60' }));
		const { model } = await supplyModel({ options: { maxRateLimitWait: 30 } });
		const started = clock.current.now();
		await expect(timed(model.invoke([new HumanMessage('x')]))).rejects.toThrow(
			'Dataoorts answered 429: Account limited: too many requests (code 3036); Dataoorts asked to wait 60 s (Retry-After), more than the 30 s left of Max Rate Limit Wait (30 s)',
		);
		expect(clock.current.now() - started).toBeLessThan(1000);
	});
});

describe('the API key never leaks', () => {
	test('not into errors, their descriptions, the tracing data or the AI events', async () => {
		const failures: unknown[] = [];
		const everything: unknown[] = [];
		const probes: Array<[IDataObject, IDataObject, string]> = [
			[{ options: { maxRetries: 0 } }, { apiKey: `${SECRET_KEY}-wrong` }, 'x'],
			[{ options: { maxRetries: 1 } }, {}, '[[fault:500]]'],
			[{ options: { maxRetries: 0 } }, {}, '[[fault:html]]'],
			[{ options: { maxRetries: 0 } }, {}, '[[fault:redirect]]'],
			[{ options: { maxRetries: 0, timeout: 1000 } }, {}, '[[fault:slow:3000]]'],
			[{}, {}, 'fine'],
		];
		for (const [parameters, credential, content] of probes) {
			const { model, recorded } = await supplyModel(parameters, credential);
			await timed(model.bindTools([weatherTool]).invoke([new HumanMessage(content)])).catch(
				(error: unknown) => failures.push(error),
			);
			everything.push(recorded.inputs, recorded.outputs, recorded.events);
		}
		expect(failures).toHaveLength(5);
		for (const failure of failures) {
			const error = failure as NodeApiError;
			everything.push(error.message, error.description, String(error.stack), error.cause, {
				...error,
			});
		}
		// Nor into the model object itself, should anything log or serialise it (bound clones too).
		const { model } = await supplyModel();
		everything.push(model.chatModel, model.bindTools([weatherTool]).chatModel);
		expect(model.chatModel.connection.apiKey).toBe(SECRET_KEY);
		const text = JSON.stringify(everything, (_key, value) =>
			value instanceof Error ? { ...value, message: value.message, stack: value.stack } : value,
		);
		expect(text).toContain('Dataoorts answered 401');
		expect(text).not.toContain(SECRET_KEY.slice(8));
		expect(server.current.requests.every((request) => !request.rawBody.includes(SECRET_KEY))).toBe(
			true,
		);
	});
});
