/**
 * The Dataoorts node inside n8n-core's WorkflowExecute, against the loopback Dataoorts server: the
 * documented contract end to end, every hyperparameter at its bounds, expressions and many items.
 * Run-time validation and key safety: node-validation.test.ts; API errors: node-api-errors.test.ts;
 * continue on fail: node-continue-on-fail.test.ts.
 */
import { TEXT_MODELS } from '../../../nodes/shared/catalog';
import { HYPERPARAMETERS } from '../../../nodes/shared/parameters/table';
import { SECRET_KEY, SEED_REQUEST, SEED_RESPONSE } from '../../helpers/fixtures';
import { jsonOf, useNodeRun, userMessage } from '../../helpers/node-run';

const { server, run } = useNodeRun();

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
