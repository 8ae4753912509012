/** Generate an Image's parameters: checked per catalog model; a model By ID gets what was set. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readImageParameters } from '../../../../nodes/Dataoorts/image/parameters';
import { refusal as refused } from '../../../helpers/refusal';

const FLUX = 'black-forest-labs/flux-1-schnell';
const SDXL = 'stabilityai/stable-diffusion-xl-base-1.0';
const DREAMSHAPER = 'lykon/dreamshaper-8-lcm';
const UNLISTED = 'someone/brand-new-image-model';

/** Just what readImageParameters asks of n8n: one item's parameters, expressions resolved. */
function contextWith(model: unknown, prompt: unknown, options: IDataObject = {}) {
	const parameters: IDataObject = { model: model as string, prompt: prompt as string, options };
	return {
		getNodeParameter: (name: string, _itemIndex: number, fallback: unknown) =>
			parameters[name] ?? fallback,
	} as unknown as IExecuteFunctions;
}

const read = (model: unknown, prompt: unknown, options?: IDataObject) =>
	readImageParameters(contextWith(model, prompt, options), 0);

const refusal = (model: unknown, prompt: unknown, options?: IDataObject) =>
	refused(() => read(model, prompt, options));

describe('a catalog model', () => {
	test('the inputs it takes are read, numbers from numeric strings, text trimmed', () => {
		const parameters = read(SDXL, 'a red fox', {
			width: '512',
			height: 768,
			steps: 12,
			seed: 3,
			guidance: 6.5,
			negativePrompt: '  blurry ',
		});
		expect(parameters.model).toBe(SDXL);
		expect(parameters.listed?.id).toBe(SDXL);
		expect(parameters.prompt).toBe('a red fox');
		expect(parameters.inputs).toEqual({
			width: 512,
			height: 768,
			steps: 12,
			seed: 3,
			guidance: 6.5,
			negativePrompt: 'blurry',
		});
		expect(parameters.binaryPropertyOutput).toBe('data');
		expect(parameters.pricePerImage).toBeUndefined();
	});

	test('an input the model does not take is refused, naming what it takes', () => {
		expect(refusal(FLUX, 'a red fox', { width: 512 })).toEqual({
			field: 'options.width',
			message: `Width is not an input of ${FLUX}, which takes Prompt, Steps and Seed: remove the option, or choose a model that takes it`,
		});
		expect(refusal(DREAMSHAPER, 'a red fox', { seed: 1 }).field).toBe('options.seed');
	});

	test("steps over the model's own maximum are refused; its maximum is taken", () => {
		expect(read(FLUX, 'a fox', { steps: 8 }).inputs.steps).toBe(8);
		expect(refusal(FLUX, 'a fox', { steps: 9 })).toEqual({
			field: 'options.steps',
			message: `Steps is out of range for ${FLUX}: got 9, allowed is a whole number from 1 to 8`,
		});
		expect(read(SDXL, 'a fox', { steps: 20 }).inputs.steps).toBe(20);
	});

	test('a prompt over the model’s length is refused; at the length, taken', () => {
		expect(read(FLUX, 'x'.repeat(2048)).prompt).toHaveLength(2048);
		expect(refusal(FLUX, 'x'.repeat(2049))).toEqual({
			field: 'prompt',
			message: `Prompt is 2049 characters long, over the 2048 characters ${FLUX} takes`,
		});
	});

	test('prompt length counts characters, not UTF-16 units', () => {
		expect(read(FLUX, '🦊'.repeat(2048)).prompt).toBe('🦊'.repeat(2048));
	});

	test('a one-character prompt is too short for a catalog model', () => {
		expect(refusal(SDXL, 'x')).toEqual({
			field: 'prompt',
			message: `Prompt is too short: got "x", ${SDXL} takes at least 2 characters`,
		});
	});
});

describe('a model By ID', () => {
	test('every input set is passed on, unchecked against the catalog', () => {
		const parameters = read(UNLISTED, 'x', { width: 512, steps: 20, seed: 1 });
		expect(parameters.listed).toBeUndefined();
		expect(parameters.inputs).toEqual({ width: 512, steps: 20, seed: 1 });
		expect(parameters.prompt).toBe('x');
	});

	test('the rows’ own ranges still hold', () => {
		expect(refusal(UNLISTED, 'a fox', { width: 100 }).field).toBe('options.width');
		expect(refusal(UNLISTED, 'a fox', { steps: 21 }).field).toBe('options.steps');
	});

	test('a long prompt is not refused: no length is known', () => {
		expect(read(UNLISTED, 'x'.repeat(5000)).prompt).toHaveLength(5000);
	});
});

describe('every model', () => {
	test.each([[''], ['   '], [undefined], [null], [{}]])(
		'prompt %j is refused as empty',
		(prompt) => {
			const { field, message } = refusal(FLUX, prompt);
			expect(field).toBe('prompt');
			expect(message).toMatch(/^Prompt is empty: got .*; describe the image to generate$/);
		},
	);

	test('a number as prompt is taken as its text', () => {
		expect(read(UNLISTED, 42).prompt).toBe('42');
	});

	test('an empty model is refused on the model field', () => {
		expect(refusal('  ', 'a fox').field).toBe('model');
	});

	test('an empty negative prompt is left out; price and output field are not inputs', () => {
		const parameters = read(SDXL, 'a fox', {
			negativePrompt: '  ',
			pricePerImage: 0.5,
			binaryPropertyOutput: 'picture',
		});
		expect(parameters.inputs).toEqual({});
		expect(parameters.pricePerImage).toBe(0.5);
		expect(parameters.binaryPropertyOutput).toBe('picture');
	});

	test('a negative prompt that is not text is refused', () => {
		expect(refusal(SDXL, 'a fox', { negativePrompt: { no: 1 } }).field).toBe(
			'options.negativePrompt',
		);
	});
});
