/**
 * The Dataoorts Chat Model against a hostile upstream (test/server/hostile.js), through
 * supplyData() and LangChain as the Basic LLM Chain and the AI Agent use it: the key never
 * reaches the agent, the tracing or the logs; deep and malformed answers are clear errors.
 */
import { HumanMessage, type AIMessage } from '@langchain/core/messages';
import { DynamicStructuredTool } from '@langchain/core/tools';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { captureLogs } from '../../helpers/capture-logs';
import { chatModelHarness } from '../../helpers/chat-model';
import { SECRET_KEY } from '../../helpers/fixtures';
import { ECHO_FAULTS, useDataoortsServer } from '../../helpers/server';

const server = useDataoortsServer({ apiKey: SECRET_KEY });
const { supplyModel } = chatModelHarness(() => server.current.baseUrl);

const leakTool = new DynamicStructuredTool({
	name: 'leak',
	description: 'A tool the hostile answer calls',
	schema: z.object({ key: z.string() }),
	func: async () => 'ok',
});

async function invoke(content: string, parameters = {}, credential = {}) {
	const { model, recorded } = await supplyModel(
		{ options: { maxRetries: 0 }, ...parameters },
		credential,
	);
	const outcome = await model
		.bindTools([leakTool])
		.invoke([new HumanMessage(content)])
		.then(
			(reply: AIMessage) => ({ reply, error: undefined }),
			(error: Error) => ({ reply: undefined, error }),
		);
	return { ...outcome, recorded };
}

test('the key echoed everywhere reaches neither the agent, nor errors, tracing, events or logs', async () => {
	const kinds = ECHO_FAULTS;
	const { value: outcomes, logs } = await captureLogs(
		async () => await Promise.all(kinds.map(async (kind) => await invoke(`[[fault:${kind}]]`))),
	);
	const errors = outcomes.slice(0, 5).map((outcome) => outcome.error as NodeApiError);
	expect(errors.every((error) => error instanceof NodeApiError)).toBe(true);
	expect(errors[0].message).toBe(
		'Dataoorts answered 401: Invalid API key: Bearer [redacted] (code 10000)',
	);
	const { reply } = outcomes[5];
	expect(reply?.text).toBe('Your key is [redacted]. Bearer [redacted]');
	expect(reply?.tool_calls?.[0].args).toEqual({ key: '[redacted]' });

	const everything = JSON.stringify(
		[
			...outcomes.map(({ reply: message, recorded }) => [message, recorded]),
			...errors.map((error) => [error.message, error.description, error.stack, { ...error }]),
			logs,
		],
		(_key, value) => (value instanceof Error ? { ...value, message: value.message } : value),
	);
	expect(everything).toContain('[redacted]');
	expect(everything).not.toContain(SECRET_KEY);
	expect(everything).not.toContain(SECRET_KEY.slice(8));
});

test('100,000 levels: a clear error of its own, one request, not retried', async () => {
	for (const [fault, status] of [
		['deep:400', 400],
		['deep-response', 200],
	] as const) {
		server.current.reset();
		const { error } = await invoke(`[[fault:${fault}]]`, { options: { maxRetries: 3 } });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.message).toBe(
			`Dataoorts answered ${status} with JSON nested deeper than 100 levels; it was not read`,
		);
		expect(server.current.apiRequests).toHaveLength(1);
	}
});

test.each([
	['empty-result', 'it has no result.response (no text and no tool calls)'],
	['number-response', 'result.response is a number, not text'],
	['tool-calls-strings', 'result.tool_calls[0] is a string, not an object'],
])('a malformed answer (%s) is an error naming the fault, with a hint', async (kind, problem) => {
	const { error } = await invoke(`[[fault:malformed:${kind}]]`);
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error?.message).toBe(
		`Dataoorts answered 200 with success: true, but the answer is unusable: ${problem}`,
	);
	expect((error as NodeApiError).description).toMatch(/documented form/);
});

test('a bad model id fails in supplyData and a bad key at the call: nothing is sent', async () => {
	await expect(supplyModel({ model: '../../admin?x=1#frag' })).rejects.toThrow(
		'Model contains "?", which a model ID cannot hold',
	);
	const { error } = await invoke('x', {}, { apiKey: `${SECRET_KEY}\nX-Injected: 1` });
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error?.message).toContain("The credential's API Key contains a line break");
	expect((error as NodeOperationError).description).toMatch(/^Check the key/);
	expect(error?.message).not.toContain(SECRET_KEY);
	expect(server.current.requests).toHaveLength(0);
});
