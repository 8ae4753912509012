/**
 * The Dataoorts Chat Model sub-node against the loopback Dataoorts server, through the path n8n
 * takes: supplyData() → the SDK's supplyModel() → LangChain adapter, used as the Basic LLM Chain
 * uses it (invoke, pipe, stream). The AI Agent's tools: chat-model-tools.test.ts; errors and
 * cancellation: chat-model-errors.test.ts; rate limits and key safety: chat-model-limits.test.ts.
 */
import { AIMessage, HumanMessage, SystemMessage } from '@langchain/core/messages';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import type { IDataObject } from 'n8n-workflow';

import { HYPERPARAMETERS } from '../../../nodes/shared/parameters/table';
import {
	LmChatDataoorts,
	MIN_N8N_VERSION,
} from '../../../nodes/LmChatDataoorts/LmChatDataoorts.node';
import { SECRET_KEY } from '../../helpers/fixtures';
import { useChatModelRun } from '../../helpers/chat-model-run';

const { server, lastBody, supplyModel } = useChatModelRun();

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
