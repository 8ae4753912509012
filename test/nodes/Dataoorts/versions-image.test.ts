/**
 * Node version 3: Resource and Operation (Text → Message a Model, Image → Generate an Image), each
 * picker listing its kind of model only, the subtitle, and Concurrency's default by version (5 in
 * versions 1–2, which run unchanged, 32 from 3).
 */
import type { INodeProperties } from 'n8n-workflow';

import { Dataoorts } from '../../../nodes/Dataoorts/Dataoorts.node';
import { LmChatDataoorts } from '../../../nodes/LmChatDataoorts/LmChatDataoorts.node';
import { IMAGE_MODELS, TEXT_MODELS } from '../../../nodes/shared/catalog';
import { runAgainst } from '../../helpers/run-against';
import { imageNode } from '../../helpers/image';
import { useDataoortsServer } from '../../helpers/server';

const server = useDataoortsServer();
const run = runAgainst(server);
const description = new Dataoorts().description;
const { listSearch } = new Dataoorts().methods;

test('version 3 is the default; Resource text (default) or image, each with its operation', () => {
	expect(description.version).toEqual([1, 2, 3]);
	expect(description.defaultVersion).toBe(3);
	const fields = description.properties.filter((entry) =>
		['resource', 'operation'].includes(entry.name),
	);
	const summary = fields.map((entry) => [
		entry.name,
		entry.default,
		(entry.options as Array<{ value: string; name: string }>).map((option) => option.name),
		entry.displayOptions?.show?.resource,
	]);
	expect(summary).toEqual([
		['resource', 'text', ['Text', 'Image'], undefined],
		['operation', 'message', ['Message a Model'], ['text']],
		['operation', 'generate', ['Generate an Image'], ['image']],
	]);
	for (const field of fields) {
		expect(field.displayOptions?.show?.['@version']).toEqual([{ _cnd: { gte: 3 } }]);
	}
});

test('the text picker lists the text models only, the image picker the image models with their price', async () => {
	const text = await listSearch.searchModels.call({} as never);
	expect(text.results.map((entry) => entry.value)).toEqual(TEXT_MODELS.map((model) => model.id));
	const images = await listSearch.searchImageModels.call({} as never);
	expect(images.results).toEqual([
		{
			name: 'black-forest-labs/flux-1-schnell ($0.0012 per image)',
			value: 'black-forest-labs/flux-1-schnell',
		},
		{
			name: 'stabilityai/stable-diffusion-xl-base-1.0 ($0.0011 per image)',
			value: 'stabilityai/stable-diffusion-xl-base-1.0',
		},
		{
			name: 'bytedance/stable-diffusion-xl-lightning ($0.0011 per image)',
			value: 'bytedance/stable-diffusion-xl-lightning',
		},
		{ name: 'lykon/dreamshaper-8-lcm ($0.001 per image)', value: 'lykon/dreamshaper-8-lcm' },
	]);
	expect(IMAGE_MODELS).toHaveLength(4);
	const flux = await listSearch.searchImageModels.call({} as never, 'FLUX');
	expect(flux.results.map((entry) => entry.value)).toEqual(['black-forest-labs/flux-1-schnell']);
});

test('the subtitle shows the operation and the model (the model alone in versions 1–2)', () => {
	expect(description.subtitle).toBe(
		'={{({ message: "Message a Model: ", generate: "Generate an Image: " })[$parameter["operation"]] ?? ""}}{{($parameter["model"].value || $parameter["model"])}}',
	);
});

test('Concurrency shows 5 when added in versions 1–2 and 32 from version 3', () => {
	const options = description.properties.filter((entry) => entry.name === 'options');
	const concurrency = options.flatMap((entry) =>
		(entry.options as INodeProperties[]).filter((option) => option.name === 'concurrency'),
	);
	expect(
		concurrency.map((field) => [field.default, field.displayOptions?.show?.['@version']]),
	).toEqual([
		[5, [{ _cnd: { lt: 3 } }]],
		[32, [{ _cnd: { gte: 3 } }]],
		[5, [{ _cnd: { lt: 3 } }]],
		[32, [{ _cnd: { gte: 3 } }]],
	]);
});

const ask = { values: [{ role: 'user', content: '={{ $json.q }}' }] };
const items = (count: number) => Array.from({ length: count }, (_, index) => ({ q: `q${index}` }));

test.each([
	[1, 'google/gemma-3-12b-it', 5],
	[2, { __rl: true, mode: 'list', value: 'google/gemma-3-12b-it' }, 5],
	[3, { __rl: true, mode: 'list', value: 'google/gemma-3-12b-it' }, 32],
])(
	'version %s, Concurrency unset: at most its default in flight',
	async (typeVersion, model, expected) => {
		server.current.setLatency(100);
		const result = await run({ typeVersion, parameters: { model, messages: ask } }, items(40));
		expect(result.error).toBeUndefined();
		expect(result.outputs![0].map((item) => item.json.response)).toEqual(
			items(40).map((item) => `Echo: ${item.q}`),
		);
		expect(server.current.stats.maxInFlight).toBe(expected);
	},
);

test('version 3, Generate an Image, Concurrency unset: 32 images in flight', async () => {
	server.current.setLatency(100);
	const result = await run(imageNode('black-forest-labs/flux-1-schnell'), items(40));
	expect(result.outputs![0]).toHaveLength(40);
	expect(server.current.stats.maxInFlight).toBe(32);
});

test('version 3, Resource Text, Operation Message a Model: the same request and answer as version 2', async () => {
	const model = { __rl: true, mode: 'list', value: 'meta/llama-3.1-8b-instruct' };
	const messages = { values: [{ role: 'user', content: 'Hello' }] };
	const v2 = await run({ typeVersion: 2, parameters: { model, messages } });
	const v3 = await run({
		typeVersion: 3,
		parameters: { resource: 'text', operation: 'message', model, messages },
	});
	expect(v3.outputs![0][0].json).toEqual(v2.outputs![0][0].json);
	expect(server.current.requests[1].body).toEqual(server.current.requests[0].body);
});

test.each([
	['Dataoorts', description],
	['Dataoorts Chat Model', new LmChatDataoorts().description],
])(
	'%s: every field is shown or hidden on parameters the node has (n8n 1.x refuses to run it otherwise)',
	(_name, node) => {
		const names = new Set(node.properties.map((entry) => entry.name));
		const missing = node.properties.flatMap((entry) =>
			[
				...Object.keys(entry.displayOptions?.show ?? {}),
				...Object.keys(entry.displayOptions?.hide ?? {}),
			].filter((key) => key !== '@version' && !names.has(key)),
		);
		expect(missing).toEqual([]);
	},
);
