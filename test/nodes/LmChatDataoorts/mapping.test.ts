/**
 * The chat model's pure parts: SDK messages ↔ Dataoorts wire format, tools → data.tools, and the
 * Options collection and its run-time check, both built from the package's one parameter table.
 */
import type { Message, Tool } from '@n8n/ai-node-sdk';
import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import type { DataoortsEnvelope } from '../../../nodes/shared/wire';
import { ParameterValidationError } from '../../../nodes/shared/errors/errors';
import { toDataoortsTools } from '../../../nodes/LmChatDataoorts/DataoortsChatModel';
import documented from '../../fixtures/documented-parameters.json';
import {
	fromDataoortsAnswer,
	newToolCallId,
	toDataoortsMessages,
} from '../../../nodes/LmChatDataoorts/mapping';
import {
	chatModelOptionsField,
	checkChatModelOptions,
} from '../../../nodes/LmChatDataoorts/options';

const text = (value: string) => ({ type: 'text' as const, text: value });

function answer(result: Partial<DataoortsEnvelope['result']>): DataoortsEnvelope {
	return { success: true, errors: [], messages: [], result: { response: '', ...result } };
}

describe('SDK messages → Dataoorts data.messages', () => {
	test('system, user and assistant text become plain string contents, in order', () => {
		const messages: Message[] = [
			{ role: 'system', content: [text('Be brief.')] },
			{ role: 'user', content: [text('Hello '), text('there')] },
			{ role: 'assistant', content: [text('Hi!')] },
			{ role: 'user', content: [text('Again')] },
		];
		expect(toDataoortsMessages(messages)).toEqual([
			{ role: 'system', content: 'Be brief.' },
			{ role: 'user', content: 'Hello there' },
			{ role: 'assistant', content: 'Hi!' },
			{ role: 'user', content: 'Again' },
		]);
	});

	test('an assistant tool call and its result keep id, name and arguments (name looked up when missing)', () => {
		const messages: Message[] = [
			{ role: 'user', content: [text('Weather in Oslo and Rome?')] },
			{
				role: 'assistant',
				content: [
					text(''),
					{
						type: 'tool-call',
						toolCallId: 'call_a',
						toolName: 'get_weather',
						input: '{"city":"Oslo"}',
					},
					{ type: 'tool-call', toolCallId: 'call_b', toolName: 'get_time', input: '' },
				],
			},
			// AgentExecutor's ToolMessages carry no name; n8n's Agent V3 sets it.
			{
				role: 'tool',
				content: [{ type: 'tool-result', toolCallId: 'call_a', result: 'Sunny, 21C' }],
			},
			{
				role: 'tool',
				name: 'get_time',
				content: [{ type: 'tool-result', toolCallId: 'call_b', result: { hour: 12 } }],
			},
			{
				role: 'tool',
				content: [{ type: 'tool-result', toolCallId: 'call_x', result: [text('from blocks')] }],
			},
		];
		expect(toDataoortsMessages(messages)).toEqual([
			{ role: 'user', content: 'Weather in Oslo and Rome?' },
			{
				role: 'assistant',
				content: '',
				tool_calls: [
					{ id: 'call_a', name: 'get_weather', arguments: { city: 'Oslo' } },
					{ id: 'call_b', name: 'get_time', arguments: {} },
				],
			},
			{ role: 'tool', tool_call_id: 'call_a', name: 'get_weather', content: 'Sunny, 21C' },
			{ role: 'tool', tool_call_id: 'call_b', name: 'get_time', content: '{"hour":12}' },
			{ role: 'tool', tool_call_id: 'call_x', content: 'from blocks' },
		]);
	});

	test('a history tool call without an id gets one, and unreadable arguments become {}', () => {
		const [assistant] = toDataoortsMessages([
			{
				role: 'assistant',
				content: [{ type: 'tool-call', toolName: 'lookup', input: 'not json' }],
			},
		]);
		expect(assistant).toEqual({
			role: 'assistant',
			content: '',
			tool_calls: [
				{ id: expect.stringMatching(/^call_[0-9a-f]{32}$/), name: 'lookup', arguments: {} },
			],
		});
	});
});

describe('Dataoorts answer → SDK GenerateResult', () => {
	test('text, usage and finish reason', () => {
		const result = fromDataoortsAnswer(
			answer({
				response: 'Paris.',
				usage: { prompt_tokens: 11, completion_tokens: 2, total_tokens: 13 },
			}),
		);
		expect(result.message).toEqual({ role: 'assistant', content: [text('Paris.')] });
		expect(result.usage).toEqual({ promptTokens: 11, completionTokens: 2, totalTokens: 13 });
		expect(result.finishReason).toBe('stop');
	});

	test('tool_calls become tool-call blocks with unique generated ids and JSON-string input', () => {
		const result = fromDataoortsAnswer(
			answer({
				response: null,
				tool_calls: [
					{ name: 'get_weather', arguments: { city: 'Oslo' } },
					{ name: 'get_weather', arguments: '{"city":"Rome"}' },
					{ id: 'x', type: 'function', function: { name: 'get_time', arguments: '{}' } },
					{ arguments: { nameless: true } },
				],
			}),
		);
		expect(result.finishReason).toBe('tool-calls');
		const calls = result.message.content;
		expect(calls).toEqual([
			{
				type: 'tool-call',
				toolCallId: expect.stringMatching(/^call_/),
				toolName: 'get_weather',
				input: '{"city":"Oslo"}',
			},
			{
				type: 'tool-call',
				toolCallId: expect.stringMatching(/^call_/),
				toolName: 'get_weather',
				input: '{"city":"Rome"}',
			},
			{
				type: 'tool-call',
				toolCallId: expect.stringMatching(/^call_/),
				toolName: 'get_time',
				input: '{}',
			},
		]);
		const ids = calls.map((part) => (part.type === 'tool-call' ? part.toolCallId : undefined));
		expect(new Set(ids).size).toBe(3);
	});

	test('an object response is kept as JSON text; an empty answer is one empty text block; missing usage is 0', () => {
		expect(fromDataoortsAnswer(answer({ response: { a: 1 } })).message.content).toEqual([
			text('{"a":1}'),
		]);
		const empty = fromDataoortsAnswer(answer({ response: null }));
		expect(empty.message.content).toEqual([text('')]);
		expect(empty.usage).toEqual({ promptTokens: 0, completionTokens: 0, totalTokens: 0 });
	});

	test('generated ids do not repeat', () => {
		const ids = new Set(Array.from({ length: 1000 }, newToolCallId));
		expect(ids.size).toBe(1000);
	});
});

describe('bound tools → data.tools', () => {
	test('Zod and JSON-schema tools become function definitions with a JSON schema; provider tools are left out', () => {
		const tools: Tool[] = [
			{
				type: 'function',
				name: 'get_weather',
				description: 'Weather for a city',
				inputSchema: z.object({ city: z.string().describe('City name') }),
			},
			{ type: 'function', name: 'ping', inputSchema: { type: 'object', properties: {} } },
			{ type: 'provider', name: 'web_search' },
		];
		const [weather, ping, ...rest] = toDataoortsTools(tools) as Array<{
			type: string;
			function: { name: string; description: string; parameters: Record<string, unknown> };
		}>;
		expect(rest).toEqual([]);
		expect(weather.type).toBe('function');
		expect(weather.function.name).toBe('get_weather');
		expect(weather.function.description).toBe('Weather for a city');
		expect(weather.function.parameters).toMatchObject({
			type: 'object',
			properties: { city: { type: 'string', description: 'City name' } },
			required: ['city'],
		});
		expect(ping.function).toEqual({
			name: 'ping',
			description: '',
			parameters: { type: 'object', properties: {} },
		});
	});
});

describe('Options: built from the one parameter table', () => {
	test('every documented hyperparameter plus timeout and maxRetries, with their ranges; no concurrency', () => {
		// The documented rows (test/fixtures), not the table the fields are built from.
		const expected = [
			...documented.hyperparameters,
			...documented.runOptions.filter((row) => row.option !== 'concurrency'),
		];
		const fields = chatModelOptionsField.options as INodeProperties[];
		expect(fields.map((field) => field.name).sort()).toEqual(
			expected.map((row) => row.option).sort(),
		);
		for (const row of expected) {
			const field = fields.find((entry) => entry.name === row.option)!;
			expect(field.type).toBe('number');
			expect(field.typeOptions?.minValue).toBe(row.min);
			expect(field.typeOptions?.maxValue).toBe(row.max ?? undefined);
			expect(field.typeOptions?.numberPrecision).toBe(row.integer ? 0 : 2);
		}
	});

	test('values are checked against the table; unset execution options take their documented default', () => {
		expect(checkChatModelOptions({})).toEqual({
			hyperparameters: {},
			timeoutMs: 600_000,
			maxRetries: 3,
			maxRateLimitWaitMs: 300_000,
		});
		expect(
			checkChatModelOptions({
				temperature: '0.5',
				topK: 50,
				timeout: 5000,
				maxRetries: 0,
				maxRateLimitWait: 0,
			}),
		).toEqual({
			hyperparameters: { temperature: 0.5, topK: 50 },
			timeoutMs: 5000,
			maxRetries: 0,
			maxRateLimitWaitMs: 0,
		});
		for (const bad of [
			{ topK: 51 },
			{ temperature: 'hot' },
			{ maxTokens: 1.5 },
			{ timeout: 10 },
			{ maxRetries: 11 },
			{ maxRateLimitWait: 3601 },
			{ maxRateLimitWait: -1 },
		]) {
			expect(() => checkChatModelOptions(bad)).toThrow(ParameterValidationError);
		}
		expect(() => checkChatModelOptions({ topK: 51 })).toThrow(
			'Top K is out of range: got 51, allowed is a whole number from 1 to 50',
		);
	});
});
