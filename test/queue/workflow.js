'use strict';
/*
 * The queue suite's workflow: Webhook (POST, answers when the last node finishes, all
 * entries) → Code (N items from the request) → Dataoorts (defaults: Concurrency 5, Max
 * Retries 3). Each item's prompt names its run and index, so every answer can be traced to
 * its own input; the stand-in answers "Echo: <prompt>".
 */

const WORKFLOW_ID = 'QueueBurstFlow01';
const CREDENTIAL_ID = 'QueueDataoortsCr';
const WEBHOOK_PATH = 'dataoorts-queue-burst';

const CODE = `const { run, items } = $input.first().json.body;
return Array.from({ length: items }, (_, index) => ({
	json: { run, index, prompt: promptFor(run, index) },
}));
function promptFor(run, index) {
	return 'queue run ' + run + ' item ' + index;
}`;

/** The prompt of item `index` of run `run` (the same text the Code node builds). */
function promptFor(run, index) {
	return `queue run ${run} item ${index}`;
}

function credentials(apiKey, baseUrl) {
	return [
		{
			id: CREDENTIAL_ID,
			name: 'Dataoorts stand-in',
			type: 'dataoortsApi',
			data: { apiKey, baseUrl },
		},
	];
}

/** A node at column x / 220 of a workflow whose node ids start with `idBase`. */
function node(name, type, typeVersion, x, parameters, extra = {}, idBase = '7a0e0000') {
	const id = `${idBase}-0000-4000-8000-00000000000${x / 220 + 1}`;
	return { parameters, id, name, type, typeVersion, position: [x, 0], ...extra };
}

/** The Webhook node: POST to `path`, answering with every item of the last node. */
function webhook(path, idBase = '7a0e0000') {
	return node(
		'Webhook',
		'n8n-nodes-base.webhook',
		2,
		0,
		{
			httpMethod: 'POST',
			path,
			responseMode: 'lastNode',
			responseData: 'allEntries',
			options: {},
		},
		{ webhookId: `${idBase}-0000-4000-8000-0000000000aa` },
		idBase,
	);
}

function workflow() {
	return {
		id: WORKFLOW_ID,
		name: 'Queue burst: Webhook -> Code -> Dataoorts',
		active: false,
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all' },
		nodes: [
			webhook(WEBHOOK_PATH),
			node('Items', 'n8n-nodes-base.code', 2, 220, { jsCode: CODE }),
			node(
				'Dataoorts',
				'n8n-nodes-dataoorts.dataoorts',
				1,
				440,
				{
					model: 'meta/llama-3.1-8b-instruct',
					messages: { values: [{ role: 'user', content: '={{ $json.prompt }}' }] },
					options: {},
				},
				{ credentials: { dataoortsApi: { id: CREDENTIAL_ID, name: 'Dataoorts stand-in' } } },
			),
		],
		connections: {
			Webhook: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Dataoorts', type: 'main', index: 0 }]] },
		},
	};
}

/**
 * Checks one webhook answer: `items` entries, entry i answering run `run`'s prompt i.
 * Returns undefined when right, else what is wrong.
 */
function answerProblem(answer, run, items) {
	if (answer.status !== 200) return `HTTP ${answer.status}: ${String(answer.text).slice(0, 200)}`;
	const list = answer.json;
	if (!Array.isArray(list)) return `not a list: ${String(answer.text).slice(0, 200)}`;
	if (list.length !== items) return `${list.length} entries, want ${items}`;
	for (let i = 0; i < items; i++) {
		const want = `Echo: ${promptFor(run, i)}`;
		if (!list[i] || list[i].response !== want)
			return `entry ${i}: ${JSON.stringify(list[i]).slice(0, 160)}, want response "${want}"`;
	}
	return undefined;
}

module.exports = {
	WORKFLOW_ID,
	WEBHOOK_PATH,
	CREDENTIAL_ID,
	node,
	webhook,
	credentials,
	workflow,
	promptFor,
	answerProblem,
};
