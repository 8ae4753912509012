/**
 * Generate an Image in n8n-core's WorkflowExecute against the loopback server's image models:
 * every catalog model in both documented answer shapes, the binary field, mime type, file name
 * and cost; the request each option makes.
 */
import { IMAGE_OUTPUT_FIELDS } from '../../../nodes/Dataoorts/image/generate';
import { IMAGE_MODELS } from '../../../nodes/shared/catalog';
import { runAgainst } from '../../helpers/run-against';
import { bytesOf, imageNode, makePng } from '../../helpers/image';
import { useDataoortsServer, type ImageShape } from '../../helpers/server';

const UNLISTED_IMAGE_MODEL = 'acme/painter-2';
const server = useDataoortsServer({ extraImageModels: [UNLISTED_IMAGE_MODEL] });
const run = runAgainst(server);

const FLUX = 'black-forest-labs/flux-1-schnell';
const SDXL = 'stabilityai/stable-diffusion-xl-base-1.0';

describe.each<ImageShape>(['json', 'raw', 'octet'])('answer shape %s', (shape) => {
	test.each(IMAGE_MODELS.map((model) => [model.id, model.pricePerImage] as const))(
		'%s: the image in binary.data, its mime type, file name, size and cost',
		async (id, price) => {
			server.current.setImageAnswer(shape);
			const seed = id === 'lykon/dreamshaper-8-lcm' ? {} : { seed: 42 };
			const result = await run(imageNode(id, seed), [{}, {}]);
			expect(result.error).toBeUndefined();
			const expected = makePng('seed' in seed ? 42 : 7);
			const items = result.outputs![0];
			expect(items).toHaveLength(2);
			items.forEach((item, index) => {
				expect(item.pairedItem).toEqual({ item: index });
				const binary = item.binary!.data;
				expect(bytesOf(binary).equals(expected)).toBe(true);
				expect(binary.mimeType).toBe('image/png');
				expect(binary.fileName).toBe(`${id.split('/')[1]}-${index + 1}.png`);
				expect(binary.fileExtension).toBe('png');
				expect(item.json).toEqual({
					model: id,
					mimeType: 'image/png',
					fileSize: expected.length,
					...seed,
					cost: { total: price, currency: 'USD' },
				});
			});
		},
	);
});

test('flux: steps and seed sent as documented (steps), nothing else', async () => {
	const result = await run(imageNode(FLUX, { steps: 8, seed: 9999999999 }));
	expect(result.error).toBeUndefined();
	expect(server.current.requests[0].body).toEqual({
		model: FLUX,
		data: { prompt: 'a red fox', steps: 8, seed: 9999999999 },
	});
});

test('SDXL: every input under its API name (steps as num_steps); width, height, seed in the output', async () => {
	const options = {
		negativePrompt: 'blurry',
		width: 256,
		height: 2048,
		steps: 20,
		guidance: 0,
		seed: 0,
	};
	const result = await run(imageNode(SDXL, options));
	expect(result.error).toBeUndefined();
	expect(server.current.requests[0].body.data).toEqual({
		prompt: 'a red fox',
		negative_prompt: 'blurry',
		width: 256,
		height: 2048,
		num_steps: 20,
		guidance: 0,
		seed: 0,
	});
	const { json } = result.outputs![0][0];
	expect(json).toMatchObject({ width: 256, height: 2048, seed: 0 });
	// Every field set: exactly the fields the README's table lists.
	expect(Object.keys(json).sort()).toEqual(IMAGE_OUTPUT_FIELDS.map(([name]) => name).sort());
});

test('Put Output in Field names the binary field; Price per Image overrides the catalog to the last digit', async () => {
	const options = { binaryPropertyOutput: 'picture', pricePerImage: 0.0123 };
	const result = await run(imageNode(FLUX, options));
	const item = result.outputs![0][0];
	expect(Object.keys(item.binary!)).toEqual(['picture']);
	expect(item.json.cost).toEqual({ total: 0.0123, currency: 'USD' });
});

test('a model By ID gets what the user set, unchecked against the catalog; without a price its cost is null', async () => {
	const node = imageNode(UNLISTED_IMAGE_MODEL, { steps: 15, negativePrompt: 'dark', seed: 3 }, 'x');
	node.parameters.model.mode = 'id';
	const result = await run(node);
	expect(result.error).toBeUndefined();
	// Steps as num_steps: the name three of the four documented models use.
	expect(server.current.requests[0].body).toEqual({
		model: UNLISTED_IMAGE_MODEL,
		data: { prompt: 'x', num_steps: 15, negative_prompt: 'dark', seed: 3 },
	});
	expect(result.outputs![0][0].json.cost).toBeNull();
});

test('the JSON part holds no image data (what an AI Agent gets from the node as a tool)', async () => {
	server.current.setImageAnswer('json', 200_000);
	const result = await run(imageNode(FLUX));
	expect(JSON.stringify(result.outputs![0][0].json).length).toBeLessThan(300);
	expect(result.outputs![0][0].json.fileSize).toBe(200_000);
});
