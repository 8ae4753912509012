/**
 * Node versions and the cost field, in the engine: version 1 workflows saved before version 2 run
 * unchanged; version 2's model picker sends the id of either mode; every item carries its cost.
 */
import { runWorkflow, type DataoortsNodeSettings } from '../../helpers/engine';
import { SECRET_KEY } from '../../helpers/fixtures';
import { useDataoortsServer } from '../../helpers/server';
import savedV1 from '../../fixtures/v1-seed-workflow.json';

/** A model the provider serves but the node's catalog does not list (it has no price). */
const UNLISTED = 'acme/brand-new-7b';
const server = useDataoortsServer({ apiKey: SECRET_KEY, extraModels: [UNLISTED] });

async function run(node: DataoortsNodeSettings) {
	const result = await runWorkflow({
		items: [{}],
		node,
		credential: { apiKey: SECRET_KEY, baseUrl: server.current.baseUrl },
	});
	expect(result.error).toBeUndefined();
	return result.outputs![0][0].json;
}

const ask = { values: [{ role: 'user', content: 'Hello' }] };

test('a version 1 node saved from the seed example runs unchanged', async () => {
	const saved = savedV1.nodes.find((node) => node.type === 'n8n-nodes-dataoorts.dataoorts')!;
	expect(saved.typeVersion).toBe(1);
	const json = await run({ parameters: saved.parameters, typeVersion: saved.typeVersion });
	expect(server.current.requests[0].body.model).toBe('google/gemma-3-12b-it');
	expect(json.usage).toEqual({ prompt_tokens: 21, completion_tokens: 512, total_tokens: 533 });
	expect(json.cost).toEqual({
		input: 0.00000231,
		output: 0.00006144,
		total: 0.00006375,
		currency: 'USD',
	});
});

test.each([
	['list', 'meta/llama-3.1-8b-instruct'],
	['id', UNLISTED],
])('version 2, model picked %s: the id is sent as is', async (mode, value) => {
	const json = await run({
		typeVersion: 2,
		parameters: { model: { __rl: true, mode, value }, messages: ask },
	});
	expect(server.current.requests[0].body.model).toBe(value);
	expect(json.model).toBe(value);
});

test('version 2, model given by expression inside the picker', async () => {
	await run({
		typeVersion: 2,
		parameters: {
			model: { __rl: true, mode: 'id', value: '={{ "qwen/" + "qwq-32b" }}' },
			messages: ask,
		},
	});
	expect(server.current.requests[0].body.model).toBe('qwen/qwq-32b');
});

test('an unlisted model has no price: cost is null until the options set one', async () => {
	const model = { __rl: true, mode: 'id', value: UNLISTED };
	const unpriced = await run({ typeVersion: 2, parameters: { model, messages: ask } });
	expect(unpriced.cost).toBeNull();
	const priced = await run({
		typeVersion: 2,
		parameters: {
			model,
			messages: ask,
			simplify: false,
			options: { inputPricePerMillion: 2, outputPricePerMillion: 4 },
		},
	});
	const usage = (priced.result as { usage: Record<string, number> }).usage;
	expect(priced.cost).toEqual({
		input: (usage.prompt_tokens * 2) / 1e6,
		output: (usage.completion_tokens * 4) / 1e6,
		total: (usage.prompt_tokens * 2 + usage.completion_tokens * 4) / 1e6,
		currency: 'USD',
	});
});

test('a price option overrides the catalog price of a listed model', async () => {
	const json = await run({
		typeVersion: 2,
		parameters: {
			model: { __rl: true, mode: 'list', value: 'google/gemma-3-12b-it' },
			messages: ask,
			options: { outputPricePerMillion: 1 },
		},
	});
	const usage = json.usage as Record<string, number>;
	expect(json.cost).toMatchObject({
		input: Number(((usage.prompt_tokens * 0.11) / 1e6).toFixed(12)),
		output: usage.completion_tokens / 1e6,
	});
});
