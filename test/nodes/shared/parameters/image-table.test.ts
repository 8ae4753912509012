/** Generate an Image's option rows: names in the panel's words, and what each row checks. */
import { checkNumericOption } from '../../../../nodes/shared/parameters/check';
import {
	IMAGE_NUMBER_OPTIONS,
	IMAGE_OPTIONS,
	imageOptionName,
} from '../../../../nodes/shared/parameters/image-table';
import { IMAGE_INPUTS } from '../../../../nodes/shared/catalog';

const row = (option: string) => IMAGE_NUMBER_OPTIONS.find((entry) => entry.option === option)!;

test.each([
	['negativePrompt', 'Negative Prompt'],
	['width', 'Width'],
	['steps', 'Steps'],
	['guidance', 'Guidance'],
	['seed', 'Seed'],
] as const)('imageOptionName(%s) is %s', (option, name) => {
	expect(imageOptionName(option)).toBe(name);
});

test('every image input has a row; options are unique', () => {
	const options = IMAGE_OPTIONS.map((entry) => entry.option);
	for (const input of IMAGE_INPUTS) expect(options).toContain(input);
	expect(new Set(options).size).toBe(options.length);
});

test('the number rows are the numeric options only', () => {
	expect(IMAGE_NUMBER_OPTIONS.map((entry) => entry.option)).toEqual([
		'width',
		'height',
		'steps',
		'guidance',
		'seed',
		'pricePerImage',
	]);
});

test('price and output field are not sent; steps’ API name is the model’s', () => {
	const apiNames = Object.fromEntries(IMAGE_OPTIONS.map((entry) => [entry.option, entry.apiName]));
	expect(apiNames).toEqual({
		negativePrompt: 'negative_prompt',
		width: 'width',
		height: 'height',
		steps: undefined,
		guidance: 'guidance',
		seed: 'seed',
		pricePerImage: undefined,
		binaryPropertyOutput: undefined,
	});
});

describe('the rows as checks', () => {
	test('width takes 256 to 2048 whole pixels', () => {
		expect(checkNumericOption(row('width'), 256)).toBe(256);
		expect(checkNumericOption(row('width'), 2048)).toBe(2048);
		expect(() => checkNumericOption(row('width'), 255)).toThrow('Width is out of range');
		expect(() => checkNumericOption(row('width'), 2049)).toThrow('Width is out of range');
		expect(() => checkNumericOption(row('width'), 512.5)).toThrow('not a whole number');
	});

	test('steps: 1 to 20 at most (the widest model)', () => {
		expect(checkNumericOption(row('steps'), 1)).toBe(1);
		expect(() => checkNumericOption(row('steps'), 0)).toThrow('Steps is out of range');
		expect(() => checkNumericOption(row('steps'), 21)).toThrow('Steps is out of range');
	});

	test('guidance: any number from 0, no upper bound', () => {
		expect(checkNumericOption(row('guidance'), 0)).toBe(0);
		expect(checkNumericOption(row('guidance'), 30.25)).toBe(30.25);
		expect(() => checkNumericOption(row('guidance'), -0.1)).toThrow('Guidance is out of range');
	});

	test('price per image: from 0, fractions allowed', () => {
		expect(checkNumericOption(row('pricePerImage'), 0.0015)).toBe(0.0015);
		expect(() => checkNumericOption(row('pricePerImage'), -1)).toThrow('out of range');
	});
});
