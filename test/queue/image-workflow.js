'use strict';
/*
 * The queue suite's image workflow: Webhook (POST, answers when the last node finishes) → Code
 * (one item per prompt of the request) → Dataoorts Generate an Image (version 3, flux, seed 5) →
 * Extract from File (the image back to base64, read through n8n's binary data service by the
 * worker that runs it). The stand-in answers a prompt holding "[[shape:raw]]" with raw PNG bytes,
 * any other with the JSON envelope; both must come back as the very PNG the stand-in drew.
 */
const { makePng } = require('../server/images');
const { CREDENTIAL_ID, node: workflowNode, webhook } = require('./workflow');

const IMAGE_WORKFLOW_ID = 'QueueImageFlow01';
const IMAGE_WEBHOOK_PATH = 'dataoorts-queue-image';
const SEED = 5;

const CODE = `return $input.first().json.body.prompts.map((prompt) => ({ json: { prompt } }));`;

const ID_BASE = '7a0e1111';
const node = (name, type, typeVersion, x, parameters, extra = {}) =>
	workflowNode(name, type, typeVersion, x, parameters, extra, ID_BASE);

function imageWorkflow() {
	return {
		id: IMAGE_WORKFLOW_ID,
		name: 'Queue images: Webhook -> Code -> Generate an Image -> Extract from File',
		active: false,
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all' },
		nodes: [
			webhook(IMAGE_WEBHOOK_PATH, ID_BASE),
			node('Prompts', 'n8n-nodes-base.code', 2, 220, { jsCode: CODE }),
			node(
				'Generate an Image',
				'n8n-nodes-dataoorts.dataoorts',
				3,
				440,
				{
					resource: 'image',
					operation: 'generate',
					model: { __rl: true, mode: 'list', value: 'black-forest-labs/flux-1-schnell' },
					prompt: '={{ $json.prompt }}',
					options: { seed: SEED },
				},
				{ credentials: { dataoortsApi: { id: CREDENTIAL_ID, name: 'Dataoorts stand-in' } } },
			),
			node('Image As Base64', 'n8n-nodes-base.extractFromFile', 1, 660, {
				operation: 'binaryToPropery',
				binaryPropertyName: 'data',
				destinationKey: 'base64',
				// The image node's JSON (mimeType, fileSize) stays beside the base64.
				options: { keepSource: 'json' },
			}),
		],
		connections: {
			Webhook: { main: [[{ node: 'Prompts', type: 'main', index: 0 }]] },
			Prompts: { main: [[{ node: 'Generate an Image', type: 'main', index: 0 }]] },
			'Generate an Image': { main: [[{ node: 'Image As Base64', type: 'main', index: 0 }]] },
		},
	};
}

/** POSTs the prompts; resolves what came back. */
async function fireImages(mainUrl, prompts, timeoutMs) {
	const res = await fetch(`${mainUrl}/webhook/${IMAGE_WEBHOOK_PATH}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ prompts }),
		signal: AbortSignal.timeout(timeoutMs),
	});
	const text = await res.text();
	try {
		return { status: res.status, text, json: JSON.parse(text) };
	} catch {
		return { status: res.status, text };
	}
}

/** What is wrong with the answer to `prompts`, or undefined: each entry the stand-in's PNG. */
function imagesProblem(answer, prompts) {
	if (answer.status !== 200) return `HTTP ${answer.status}: ${String(answer.text).slice(0, 300)}`;
	const list = answer.json;
	if (!Array.isArray(list) || list.length !== prompts.length)
		return `want ${prompts.length} entries: ${String(answer.text).slice(0, 300)}`;
	const png = makePng(SEED);
	for (const [i, entry] of list.entries()) {
		const bytes = Buffer.from(String(entry.base64 ?? ''), 'base64');
		if (!bytes.equals(png))
			return `entry ${i}: ${bytes.length} bytes, not the PNG drawn (${png.length} bytes): ${JSON.stringify(entry).slice(0, 200)}`;
		if (entry.mimeType !== 'image/png' || entry.fileSize !== png.length)
			return `entry ${i}: the image node's JSON did not come along: ${JSON.stringify({ ...entry, base64: undefined })}`;
	}
	return undefined;
}

module.exports = { IMAGE_WORKFLOW_ID, imageWorkflow, fireImages, imagesProblem };
