'use strict';
/*
 * Workflow checks: the seed request, saved at version 2 (examples/01-seed-request.json, the model a
 * resource locator) and at version 1 (test/fixtures/v1-seed-workflow.json, the model a plain string:
 * saved workflows like it must keep running). Both must send the seed's request, give the seed's
 * answer and price it. Entry fields are described in checks/index.js.
 */
const { assert, J } = require('../lib/reporter');
const { nodeOutput } = require('../n8n-harness');
const { API_KEY } = require('../lib/constants');

const SEED_MODEL = 'google/gemma-3-12b-it';
// The seed answer's usage (21 prompt, 512 completion tokens) at google/gemma-3-12b-it's catalog
// prices ($0.11 in / $0.12 out per million tokens).
const SEED_COST = { input: 0.00000231, output: 0.00006144, total: 0.00006375, currency: 'USD' };

/** The saved Dataoorts node: its version and the model's saved form, as the entry expects. */
function assertSavedForm(wf, typeVersion) {
	const node = wf.nodes.find((n) => n.type === 'n8n-nodes-dataoorts.dataoorts');
	assert(node, `no Dataoorts node in ${wf.id}`);
	assert(node.typeVersion === typeVersion, `saved typeVersion ${node.typeVersion}`);
	const model = node.parameters.model;
	const want =
		typeVersion === 1
			? model === SEED_MODEL
			: model && model.__rl === true && model.mode === 'list' && model.value === SEED_MODEL;
	assert(want, `saved model at version ${typeVersion}: ${J(model)}`);
}

function assertSeedRequest(requests) {
	assert(requests.length === 1, `expected 1 API request, got ${requests.length}`);
	const req = requests[0];
	assert(req.method === 'POST', `method ${req.method}`);
	assert(
		req.headers.authorization === `Bearer ${API_KEY}`,
		`authorization ${req.headers.authorization}`,
	);
	const b = req.body;
	assert(b.model === SEED_MODEL, `model ${b.model}`);
	assert(
		J(b.data.messages) ===
			J([
				{ role: 'system', content: 'You are an expert deep learning engineer' },
				{ role: 'user', content: 'What is Deep Learning' },
			]),
		`messages ${J(b.data.messages)}`,
	);
	const want = { temperature: 0.1, top_p: 0.9, top_k: 40, max_tokens: 512 };
	for (const [k, v] of Object.entries(want))
		assert(b.data[k] === v, `data.${k} = ${J(b.data[k])}, want ${v} (body ${J(b)})`);
}

function assertSeedAnswer(run) {
	const out = nodeOutput(run, 'Dataoorts');
	assert(out && out.length === 1, `Dataoorts output ${J(out)}`);
	const o = out[0];
	assert(
		typeof o.response === 'string' &&
			o.response.startsWith("Okay, let's break down Deep Learning."),
		`response ${J(o.response)}`,
	);
	assert(
		J(o.usage) === J({ prompt_tokens: 21, completion_tokens: 512, total_tokens: 533 }),
		`usage ${J(o.usage)}`,
	);
	assert(Array.isArray(o.tool_calls), `tool_calls ${J(o.tool_calls)}`);
	assert(o.model === SEED_MODEL, `model ${J(o.model)}`);
	const cost = o.cost || {};
	const keys = Object.keys(SEED_COST);
	assert(
		Object.keys(cost).length === keys.length && keys.every((k) => cost[k] === SEED_COST[k]),
		`cost ${J(o.cost)}, want ${J(SEED_COST)}`,
	);
	return `response ${J(o.response.slice(0, 40))}..., cost ${J(o.cost)}`;
}

/** The table entry of the seed workflow saved at `typeVersion`. */
function seedEntry(typeVersion, fields) {
	return {
		versions: 'all',
		...fields,
		verify({ run, requests, ctx }) {
			assertSavedForm(ctx.workflows[this.workflow], typeVersion);
			assertSeedRequest(requests);
			return `version ${typeVersion}, ${assertSeedAnswer(run)}`;
		},
	};
}

const seedRequest = seedEntry(2, {
	id: '01-seed-request',
	title: 'seed request (Manual Trigger -> Dataoorts), saved at version 2',
	workflow: '01-seed-request.json',
});

// Same workflow id as the example: imported under its own.
const seedRequestV1 = seedEntry(1, {
	id: 'v1-seed-workflow',
	title: 'seed request saved at version 1 (string model) still runs',
	workflow: 'v1-seed-workflow.json',
	source: 'test/fixtures/v1-seed-workflow.json',
	workflowId: 'E2eDataoortsSeedV1',
});

module.exports = [seedRequest, seedRequestV1];
