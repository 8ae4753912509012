/**
 * The Dataoorts Chat Model sub-node as the AI Agent uses it: bindTools, tool calls and their
 * answers, AgentExecutor, against the loopback Dataoorts server.
 */
import { AIMessage, AIMessageChunk, HumanMessage, ToolMessage } from '@langchain/core/messages';
import { ChatPromptTemplate } from '@langchain/core/prompts';

import { useChatModelRun, weatherTool } from '../../helpers/chat-model-run';

const { server, lastBody, supplyModel } = useChatModelRun();

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
