/**
 * The Dataoorts Chat Model sub-node's errors as n8n shows them, and cancellation by LangChain's
 * signal or the SDK's abortSignal, against the loopback Dataoorts server.
 */
import { AIMessage, HumanMessage } from '@langchain/core/messages';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import * as transport from '../../../nodes/shared/transport';
import { connectionFromCredentials } from '../../../nodes/shared/connection';
import { DataoortsAbortError } from '../../../nodes/shared/errors/errors';
import { DataoortsChatModel } from '../../../nodes/LmChatDataoorts/DataoortsChatModel';
import { SECRET_KEY } from '../../helpers/fixtures';
import { useChatModelRun } from '../../helpers/chat-model-run';

const { server, clock, timed, supplyContext, supplyModel } = useChatModelRun();

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
