/**
 * The Dataoorts node inside n8n-core's WorkflowExecute, against the loopback Dataoorts server:
 * the documented contract end to end, run-time validation, per-item errors and key safety.
 */
import type { IDataObject } from 'n8n-workflow';

import { TEXT_MODELS } from '../../../nodes/shared/catalog';
import {
	EXECUTION_OPTIONS,
	HYPERPARAMETERS,
	describeRange,
} from '../../../nodes/shared/parameters/table';
import { captureLogs } from '../../helpers/capture-logs';
import { runWorkflow, type DataoortsNodeSettings, type RunResult } from '../../helpers/engine';
import { drive, useFakeClock } from '../../helpers/fake-clock';
import { SECRET_KEY, SEED_REQUEST, SEED_RESPONSE } from '../../helpers/fixtures';
import { useDataoortsServer } from '../../helpers/server';

const server = useDataoortsServer({ apiKey: SECRET_KEY });
// Fake time, which the server reads too: slow answers and backoffs take no real time.
const clock = useFakeClock();

function userMessage(content: string) {
	return { values: [{ role: 'user', content }] };
}

async function run(
	node: DataoortsNodeSettings,
	items: IDataObject[] = [{}],
	credential: { apiKey?: string; baseUrl?: string } = {},
): Promise<RunResult> {
	const workflow = runWorkflow({
		items,
		node,
		credential: {
			apiKey: credential.apiKey ?? SECRET_KEY,
			baseUrl: credential.baseUrl ?? server.current.baseUrl,
		},
	});
	return await drive(clock.current, workflow);
}

function jsonOf(result: RunResult) {
	expect(result.error).toBeUndefined();
	return result.outputs![0].map((item) => item.json);
}

/** The seed's usage (21 in, 512 out) at gemma-3-12b-it's $0.11 / $0.12 per million tokens. */
const SEED_COST = { input: 0.00000231, output: 0.00006144, total: 0.00006375, currency: 'USD' };

describe('the seed example, end to end', () => {
	const seedParameters = {
		model: SEED_REQUEST.model,
		messages: { values: SEED_REQUEST.data.messages },
		options: { temperature: 0.1, topP: 0.9, topK: 40, maxTokens: 512 },
	};

	test('sends the seed request exactly, with the Bearer key, and outputs the seed answer simplified', async () => {
		const result = await run({ parameters: seedParameters });

		expect(server.current.requests).toHaveLength(1);
		const [request] = server.current.requests;
		expect(request.method).toBe('POST');
		expect(request.url).toBe('/api/v1');
		expect(request.authorization).toBe(`Bearer ${SECRET_KEY}`);
		expect(request.headers['content-type']).toBe('application/json');
		expect(request.body).toEqual(SEED_REQUEST);

		expect(jsonOf(result)).toEqual([
			{
				response: SEED_RESPONSE.result.response,
				usage: { prompt_tokens: 21, completion_tokens: 512, total_tokens: 533 },
				cost: SEED_COST,
				tool_calls: [],
				model: 'google/gemma-3-12b-it',
				// The seed's answer used all 512 tokens it was allowed: it is cut mid-sentence.
				truncated: true,
			},
		]);
		expect(result.outputs![0][0].pairedItem).toEqual({ item: 0 });
	});

	test("with Simplify Output off, outputs the API's whole answer", async () => {
		const result = await run({ parameters: { ...seedParameters, simplify: false } });
		expect(jsonOf(result)).toEqual([{ ...SEED_RESPONSE, cost: SEED_COST, truncated: true }]);
	});

	test('sends only the options the user set', async () => {
		await run({ parameters: { messages: userMessage('Hi') } });
		expect(server.current.requests[0].body).toEqual({
			model: 'google/gemma-3-12b-it',
			data: { messages: [{ role: 'user', content: 'Hi' }] },
		});
	});
});

describe('every documented hyperparameter at both bounds', () => {
	const cases = HYPERPARAMETERS.flatMap((spec) => [
		{ spec, bound: 'min', value: spec.min },
		// max_tokens has no documented maximum: a large whole number stands for "no upper bound".
		{ spec, bound: 'max', value: spec.max ?? 100_000 },
	]);

	test.each(cases)(
		'$spec.option at its $bound ($value) is sent as data.$spec.apiName and accepted',
		async ({ spec, value }) => {
			const result = await run({
				parameters: { messages: userMessage('bounds'), options: { [spec.option]: value } },
			});

			expect(result.error).toBeUndefined();
			expect(server.current.requests).toHaveLength(1);
			expect(server.current.requests[0].body.data[spec.apiName]).toBe(value);
			expect(server.current.requests[0].status).toBe(200);
			// The server cuts the echo to max_tokens words, so max_tokens = 1 leaves "Echo:".
			expect(jsonOf(result)[0].response).toBe(
				spec.option === 'maxTokens' && value === 1 ? 'Echo:' : 'Echo: bounds',
			);
		},
	);
});

describe('run-time validation of values that arrive by expression', () => {
	const outOfRange = HYPERPARAMETERS.flatMap((spec) => [
		{ spec, value: spec.min - 1 },
		...(spec.max === undefined ? [] : [{ spec, value: spec.max + 1 }]),
		...(spec.integer ? [{ spec, value: spec.min + 0.5 }] : []),
		{ spec, value: 'abc' },
	]);

	test.each(outOfRange)(
		'$spec.option = $value → error naming the field, value and range; no request sent',
		async ({ spec, value }) => {
			const result = await run(
				{
					parameters: {
						messages: userMessage('x'),
						options: { [spec.option]: '={{ $json.value }}' },
					},
				},
				[{ value }],
			);

			expect(server.current.requests).toHaveLength(0);
			expect(result.outputs).toBeUndefined();
			expect(result.error?.name).toBe('NodeOperationError');
			expect(result.error?.message).toContain(spec.displayName);
			// The panel's name in the message, the workflow JSON path in the description.
			expect(result.error?.description).toContain(`options.${spec.option}`);
			expect(result.error?.message).toContain(
				typeof value === 'string' ? JSON.stringify(value) : String(value),
			);
			expect(result.error?.message).toContain(describeRange(spec));
			expect(result.error?.message).toContain('[item 0]');
		},
	);

	test.each(EXECUTION_OPTIONS.map((spec) => ({ spec, value: spec.max! + 1 })))(
		'execution option $spec.option = $value is rejected before any request',
		async ({ spec, value }) => {
			const result = await run({
				parameters: { messages: userMessage('x'), options: { [spec.option]: value } },
			});
			expect(server.current.requests).toHaveLength(0);
			expect(result.error?.message).toContain(spec.displayName);
			expect(result.error?.description).toContain(`options.${spec.option}`);
			expect(result.error?.message).toContain(describeRange(spec));
		},
	);

	test('numbers given as numeric strings (e.g. from a sheet) are accepted and sent as numbers', async () => {
		const result = await run(
			{
				parameters: {
					messages: userMessage('x'),
					options: { temperature: '={{ $json.t }}', topK: '={{ $json.k }}' },
				},
			},
			[{ t: '0.7', k: ' 12 ' }],
		);
		expect(result.error).toBeUndefined();
		expect(server.current.requests[0].body.data).toMatchObject({ temperature: 0.7, top_k: 12 });
	});

	test('an empty message list is rejected', async () => {
		const result = await run({ parameters: { messages: { values: [] } } });
		expect(server.current.requests).toHaveLength(0);
		expect(result.error?.message).toMatch(/Messages must hold at least one message.*\[item 0\]/);
	});

	test('empty content, also when an expression resolves to nothing, names the message', async () => {
		const result = await run(
			{
				parameters: {
					messages: {
						values: [
							{ role: 'system', content: 'Be brief' },
							{ role: 'user', content: '={{ $json.missing }}' },
						],
					},
				},
			},
			[{ question: 'present' }],
		);
		expect(server.current.requests).toHaveLength(0);
		expect(result.error?.message).toContain('Message 2: Content is empty');
		expect(result.error?.message).toContain('[item 0]');
	});

	test('an unknown role given by expression is rejected with the allowed roles', async () => {
		const result = await run(
			{ parameters: { messages: { values: [{ role: '={{ $json.role }}', content: 'Hi' }] } } },
			[{ role: 'moderator' }],
		);
		expect(server.current.requests).toHaveLength(0);
		expect(result.error?.message).toBe(
			'Message 1: Role is unknown: got "moderator", allowed are system, user, assistant [item 0]',
		);
	});

	test('an empty model id given by expression is rejected', async () => {
		const result = await run(
			{ parameters: { model: '={{ $json.model }}', messages: userMessage('Hi') } },
			[{ model: '' }],
		);
		expect(server.current.requests).toHaveLength(0);
		expect(result.error?.message).toContain('Model must be a model ID');
	});

	test('the failing item is named: item 2 of 3 fails, none is sent', async () => {
		const result = await run(
			{ parameters: { messages: userMessage('x'), options: { topK: '={{ $json.k }}' } } },
			[{ k: 1 }, { k: 2 }, { k: 99 }],
		);
		expect(result.error?.message).toContain('got 99');
		expect(result.error?.message).toContain('[item 2]');
		expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(2);
	});
});

describe('expressions and many items', () => {
	test('content, model and options come from each input item', async () => {
		const result = await run(
			{
				parameters: {
					model: '={{ $json.model }}',
					messages: {
						values: [
							{ role: 'system', content: 'Answer in {{ $json.lang }}' },
							{ role: 'user', content: '={{ $json.question }}' },
						],
					},
					options: { temperature: '={{ $json.temperature }}' },
				},
			},
			[
				{
					model: 'meta/llama-3.1-8b-instruct',
					lang: 'French',
					question: 'Bonjour?',
					temperature: 0.2,
				},
				{
					model: 'qwen/qwen2.5-coder-32b-instruct',
					lang: 'German',
					question: 'Hallo?',
					temperature: 1.5,
				},
			],
		);
		const sentByModel = server.current.requests
			.map((request) => request.body)
			.sort((a, b) => a.model.localeCompare(b.model));
		expect(sentByModel).toEqual([
			{
				model: 'meta/llama-3.1-8b-instruct',
				data: {
					messages: [
						{ role: 'system', content: 'Answer in {{ $json.lang }}' },
						{ role: 'user', content: 'Bonjour?' },
					],
					temperature: 0.2,
				},
			},
			{
				model: 'qwen/qwen2.5-coder-32b-instruct',
				data: {
					messages: [
						{ role: 'system', content: 'Answer in {{ $json.lang }}' },
						{ role: 'user', content: 'Hallo?' },
					],
					temperature: 1.5,
				},
			},
		]);
		expect(jsonOf(result).map((json) => [json.response, json.model])).toEqual([
			['Echo: Bonjour?', 'meta/llama-3.1-8b-instruct'],
			['Echo: Hallo?', 'qwen/qwen2.5-coder-32b-instruct'],
		]);
	});

	test('a model id outside the built-in list, given by expression, is sent as is', async () => {
		const unlisted = 'meta/llama-3.2-3b-instruct';
		expect(TEXT_MODELS.map((entry) => entry.id)).not.toContain(unlisted);
		const result = await run({
			parameters: { model: `={{ "${unlisted}" }}`, messages: userMessage('Hi') },
		});
		expect(server.current.requests[0].body.model).toBe(unlisted);
		// The loopback API serves the real catalog only, so the id was judged upstream, not by the node.
		expect(result.error?.message).toContain(`No such model ${unlisted}`);
	});

	test('60 items with uneven latency come out in input order, each paired to its input', async () => {
		// Earlier items answer slower, so completion order is the reverse of input order.
		server.current.setFaultPlan(({ body }) => {
			const index = Number(String(body.data.messages[0].content).split(' ')[1]);
			return { kind: 'slow', argument: String(((60 - index) % 7) * 15) };
		});
		const items = Array.from({ length: 60 }, (_, index) => ({ question: `question ${index}` }));
		const result = await run(
			{
				parameters: { messages: userMessage('={{ $json.question }}'), options: { concurrency: 8 } },
			},
			items,
		);
		const output = result.outputs![0];
		expect(output).toHaveLength(60);
		output.forEach((item, index) => {
			expect(item.json.response).toBe(`Echo: question ${index}`);
			expect(item.pairedItem).toEqual({ item: index });
		});
		expect(server.current.requests).toHaveLength(60);
	});
});

describe('continue on fail', () => {
	const items = [
		{ question: 'first' },
		{ question: '' }, // fails validation: empty content
		{ question: 'third [[fault:400]]' }, // the API rejects it
		{ question: 'fourth' },
		{ question: 'fifth', model: 'acme/not-a-model' }, // unknown model
	];
	const parameters = {
		model: '={{ $json.model ?? "google/gemma-3-12b-it" }}',
		messages: userMessage('={{ $json.question }}'),
		options: { maxRetries: 0 },
	};

	test('each failing item becomes an error item in its own place; the others go on', async () => {
		const result = await run({ parameters, onError: 'continueRegularOutput' }, items);
		expect(result.error).toBeUndefined();
		const output = result.outputs![0];
		expect(output.map((item) => item.pairedItem)).toEqual(
			items.map((_, index) => ({ item: index })),
		);
		expect(output[0].json).toMatchObject({ response: 'Echo: first' });
		expect(output[1].json.error).toContain('Message 1: Content is empty');
		expect(output[1].json.error).toContain('[item 1]');
		expect(output[2].json).toEqual({ error: 'Dataoorts answered 400: Invalid input (code 5006)' });
		expect(output[3].json).toMatchObject({ response: 'Echo: fourth' });
		expect(output[4].json).toEqual({
			error: 'Dataoorts answered 400: No such model acme/not-a-model or task (code 5007)',
		});
		// The item that failed validation was never sent.
		expect(server.current.requests.map((request) => request.body.data.messages[0].content)).toEqual(
			['first', 'third [[fault:400]]', 'fourth', 'fifth'],
		);
	});

	test('with the error output, failed items go to the error branch and the rest to the success branch', async () => {
		const result = await run({ parameters, onError: 'continueErrorOutput' }, items);
		expect(result.error).toBeUndefined();
		const [success, failure] = result.outputs!;
		expect(success.map((item) => [item.pairedItem, item.json.response])).toEqual([
			[{ item: 0 }, 'Echo: first'],
			[{ item: 3 }, 'Echo: fourth'],
		]);
		expect(failure.map((item) => (item.pairedItem as { item: number }).item)).toEqual([1, 2, 4]);
		// n8n puts the failed row's own fields beside the error, so the error branch can act on the row.
		expect(failure.map((item) => item.json)).toEqual([
			{ question: '', error: expect.stringContaining('Message 1: Content is empty') },
			{
				question: 'third [[fault:400]]',
				error: 'Dataoorts answered 400: Invalid input (code 5006)',
			},
			{
				question: 'fifth',
				model: 'acme/not-a-model',
				error: 'Dataoorts answered 400: No such model acme/not-a-model or task (code 5007)',
			},
		]);
	});

	test("without continue on fail, the first failure stops the node with that item's error", async () => {
		const result = await run(
			{ parameters: { ...parameters, options: { maxRetries: 0, concurrency: 1 } } },
			items,
		);
		expect(result.outputs).toBeUndefined();
		expect(result.error?.message).toContain('[item 1]');
		// Concurrency 1: nothing after the failing item was sent.
		expect(server.current.requests).toHaveLength(1);
	});
});

describe("API errors: status, the provider's message and a hint", () => {
	const cases: Array<{
		name: string;
		content: string;
		apiKey?: string;
		model?: string;
		message: string;
		httpCode: string;
		hint: RegExp;
	}> = [
		{
			name: 'bad key → 401',
			content: 'x',
			apiKey: 'wrong-key',
			message: 'Dataoorts answered 401: Authentication error (code 10000)',
			httpCode: '401',
			hint: /Check the API key/,
		},
		{
			// An id the node accepts but the API cannot route (ids with spaces are refused before sending).
			name: 'invalid model id → 404',
			content: 'x',
			model: 'gemma-3-12b-it',
			message:
				'Dataoorts answered 404: Could not route to /api/v1, perhaps your object identifier is invalid? (code 7003)',
			httpCode: '404',
			hint: /Check the model ID/,
		},
		{
			name: 'unknown model → 400 (5007)',
			content: 'x',
			model: 'meta/llama-9',
			message: 'Dataoorts answered 400: No such model meta/llama-9 or task (code 5007)',
			httpCode: '400',
			hint: /Check the model ID/,
		},
		{
			name: 'request too large → 413',
			content: '[[fault:413]]',
			message: 'Dataoorts answered 413: Request is too large (code 3006)',
			httpCode: '413',
			hint: /too large/,
		},
		{
			name: 'rate limited → 429',
			content: '[[fault:429]]',
			message: 'Dataoorts answered 429: Account limited: too many requests (code 3036)',
			httpCode: '429',
			hint: /lower Concurrency/,
		},
		{
			name: 'server error → 500',
			content: '[[fault:500]]',
			message: 'Dataoorts answered 500: Internal server error (code 7010)',
			httpCode: '500',
			hint: /temporary problem/,
		},
		{
			name: 'HTML error page → 502',
			content: '[[fault:html]]',
			message:
				'Dataoorts answered 502: a non-JSON body (text/html): <html><head><title>502 Bad Gateway</title>',
			httpCode: '502',
			hint: /temporary problem/,
		},
		{
			name: 'success: false in a 200',
			content: '[[fault:success-false]]',
			message: 'Dataoorts answered success: false: Model returned an error (code 5006)',
			httpCode: '200',
			hint: /./,
		},
	];

	test.each(cases)('$name', async ({ content, apiKey, model, message, httpCode, hint }) => {
		const result = await run(
			{
				parameters: {
					...(model ? { model } : {}),
					messages: userMessage(content),
					// A 429 no longer spends Max Retries (issue 13): no rate-limit wait either.
					options: { maxRetries: 0, maxRateLimitWait: 0 },
				},
			},
			[{}],
			{ apiKey },
		);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message.startsWith(message)).toBe(true);
		expect(result.error?.httpCode).toBe(httpCode);
		if (httpCode !== '200') expect(result.error?.description).toMatch(hint);
		expect(`${result.error?.message} ${result.error?.description}`).not.toMatch(
			/undefined|\[object Object\]/,
		);
	});

	test('a 2xx body that is not JSON gets a clear message', async () => {
		const result = await run({
			parameters: { messages: userMessage('[[fault:broken-json]]'), options: { maxRetries: 0 } },
		});
		expect(result.error?.message).toBe(
			'Dataoorts answered 200 with a body that is not valid JSON (application/json): {"errors":[],"messages":[],"result":{"response":"cut of',
		);
	});

	test('an unreachable endpoint names the cause', async () => {
		const result = await run(
			{ parameters: { messages: userMessage('x'), options: { maxRetries: 0 } } },
			[{}],
			{ baseUrl: 'http://127.0.0.1:1/api/v1' },
		);
		expect(result.error?.message).toBe(
			'Could not reach Dataoorts at http://127.0.0.1:1: the connection was refused',
		);
		expect(result.error?.description).toContain('Cause: ECONNREFUSED');
	});
});

describe('the API key never leaks', () => {
	test('not into output items, error items, error messages, descriptions, the run data or the logs', async () => {
		const { value: results, logs } = await captureLogs(async () => [
			await run(
				{
					parameters: { messages: userMessage('={{ $json.q }}'), options: { maxRetries: 0 } },
					onError: 'continueRegularOutput',
				},
				[
					{ q: 'fine' },
					{ q: '[[fault:401]]' },
					{ q: '[[fault:html]]' },
					{ q: '' },
					{ q: '[[fault:redirect]]' },
				],
			),
			await run({
				parameters: { messages: userMessage('[[fault:500]]'), options: { maxRetries: 1 } },
			}),
			await run({ parameters: { messages: userMessage('x') } }, [{}], {
				baseUrl: 'http://example.com/api/v1',
			}),
			await run({ parameters: { messages: userMessage('x'), simplify: false } }),
		]);
		// The probe did produce errors and logs worth scanning.
		expect(results.filter((result) => result.error !== undefined)).toHaveLength(2);
		expect(logs).toContain('Dataoorts answered 500');
		for (const result of results) {
			const everything = [
				JSON.stringify(result.run),
				String(result.error?.stack),
				String(result.error?.description),
				JSON.stringify(result.error ?? {}),
			].join('\n');
			expect(everything).not.toContain(SECRET_KEY);
			expect(everything).not.toContain(SECRET_KEY.slice(8));
		}
		expect(logs).not.toContain(SECRET_KEY.slice(8));
		// The key did travel, but only in the Authorization header.
		expect(server.current.requests.every((request) => !request.rawBody.includes(SECRET_KEY))).toBe(
			true,
		);
		expect(
			server.current.requests.some((request) => request.authorization === `Bearer ${SECRET_KEY}`),
		).toBe(true);
	});
});
