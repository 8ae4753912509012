/** Generate an Image's request body and output JSON, from checked parameters. */
import { buildImageRequestBody, imageOutputJson } from '../../../../nodes/Dataoorts/image/generate';
import type { ImageParameters } from '../../../../nodes/Dataoorts/image/parameters';
import { imageModel } from '../../../../nodes/shared/catalog';
import { sniffImage } from '../../../../nodes/shared/image-signature';
import type { GeneratedImage } from '../../../../nodes/shared/transport';

const FLUX = 'black-forest-labs/flux-1-schnell';
const SDXL = 'stabilityai/stable-diffusion-xl-base-1.0';
const UNLISTED = 'someone/new-model';

function parameters(model: string, inputs: ImageParameters['inputs'] = {}): ImageParameters {
	return {
		model,
		listed: imageModel(model),
		prompt: 'a red fox',
		inputs,
		binaryPropertyOutput: 'data',
		execution: { timeout: 1000, maxRetries: 0, maxRateLimitWait: 0, concurrency: 1 },
	};
}

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
const image: GeneratedImage = { bytes: JPEG, kind: sniffImage(JPEG)!, shape: 'raw' };

describe('buildImageRequestBody', () => {
	test('only the prompt when nothing else is set', () => {
		expect(buildImageRequestBody(parameters(FLUX))).toEqual({
			model: FLUX,
			data: { prompt: 'a red fox' },
		});
	});

	test('flux-1-schnell: steps go as "steps"', () => {
		expect(buildImageRequestBody(parameters(FLUX, { steps: 6, seed: 9 }))).toEqual({
			model: FLUX,
			data: { prompt: 'a red fox', steps: 6, seed: 9 },
		});
	});

	test('SDXL: steps go as "num_steps", the others under their API names', () => {
		const body = buildImageRequestBody(
			parameters(SDXL, {
				negativePrompt: 'blurry',
				width: 512,
				height: 640,
				steps: 10,
				guidance: 6.5,
				seed: 0,
			}),
		);
		expect(body).toEqual({
			model: SDXL,
			data: {
				prompt: 'a red fox',
				negative_prompt: 'blurry',
				width: 512,
				height: 640,
				num_steps: 10,
				guidance: 6.5,
				seed: 0,
			},
		});
	});

	test('a model By ID: steps go as "num_steps"', () => {
		expect(buildImageRequestBody(parameters(UNLISTED, { steps: 3 })).data).toEqual({
			prompt: 'a red fox',
			num_steps: 3,
		});
	});
});

describe('imageOutputJson', () => {
	test('a catalog model: its price per image, no unset inputs', () => {
		expect(imageOutputJson(parameters(FLUX, { steps: 4 }), image)).toEqual({
			model: FLUX,
			mimeType: 'image/jpeg',
			fileSize: 9,
			cost: { total: 0.0012, currency: 'USD' },
		});
	});

	test('width, height and seed as asked, when set (seed 0 included)', () => {
		const json = imageOutputJson(parameters(SDXL, { width: 512, height: 768, seed: 0 }), image);
		expect(json).toMatchObject({ width: 512, height: 768, seed: 0 });
		expect(json.cost).toEqual({ total: 0.0011, currency: 'USD' });
	});

	test('a model By ID without Price per Image: cost null', () => {
		expect(imageOutputJson(parameters(UNLISTED), image).cost).toBeNull();
	});

	test("Price per Image overrides the catalog's, zero included", () => {
		const priced = { ...parameters(UNLISTED), pricePerImage: 0.25 };
		expect(imageOutputJson(priced, image).cost).toEqual({ total: 0.25, currency: 'USD' });
		const free = { ...parameters(FLUX), pricePerImage: 0 };
		expect(imageOutputJson(free, image).cost).toEqual({ total: 0, currency: 'USD' });
	});

	test('a price with float noise is rounded to 12 decimal places', () => {
		const noisy = { ...parameters(UNLISTED), pricePerImage: 0.1 + 0.2 };
		expect(imageOutputJson(noisy, image).cost).toEqual({ total: 0.3, currency: 'USD' });
	});
});
