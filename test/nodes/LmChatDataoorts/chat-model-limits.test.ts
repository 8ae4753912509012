/**
 * The Dataoorts Chat Model sub-node shares the account's governor with the Dataoorts node (rate
 * limits, Max Rate Limit Wait), and the API key never leaks from it.
 */
import { AIMessage, HumanMessage } from '@langchain/core/messages';
import { NodeApiError, type IDataObject } from 'n8n-workflow';

import * as transport from '../../../nodes/shared/transport';
import { connectionFromCredentials } from '../../../nodes/shared/connection';
import { LmChatDataoorts } from '../../../nodes/LmChatDataoorts/LmChatDataoorts.node';
import { SECRET_KEY } from '../../helpers/fixtures';
import { useChatModelRun, weatherTool } from '../../helpers/chat-model-run';

const { server, clock, timed, supplyContext, supplyModel } = useChatModelRun();

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
