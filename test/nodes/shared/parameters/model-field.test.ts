/** Both model pickers: each lists its own kind; a search that finds nothing points to By ID. */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import {
	imageSummary,
	modelFields,
	searchImageModels,
	searchModels,
	textModelFields,
} from '../../../../nodes/shared/parameters/model-field';
import { imageModel } from '../../../../nodes/shared/catalog';

const loadOptions = {} as ILoadOptionsFunctions;
const text = (filter?: string) => searchModels.call(loadOptions, filter);
const image = (filter?: string) => searchImageModels.call(loadOptions, filter);
const values = (result: INodeListSearchResult) => result.results.map((entry) => entry.value);

describe('searchModels (the text picker)', () => {
	test('no filter: the nine text models, no image model', async () => {
		const found = values(await text());
		expect(found).toHaveLength(9);
		expect(found[0]).toBe('google/gemma-3-12b-it');
		expect(found).not.toContain('black-forest-labs/flux-1-schnell');
	});

	test('each entry shows context, images and price', async () => {
		const [gemma] = (await text('gemma')).results;
		expect(gemma).toEqual({
			name: 'google/gemma-3-12b-it (80,000-token context, accepts images; $0.11 in / $0.12 out per million tokens)',
			value: 'google/gemma-3-12b-it',
		});
		const [coder] = (await text('coder')).results;
		expect(coder.name).toBe(
			'qwen/qwen2.5-coder-32b-instruct (32,500-token context; $0.55 in / $0.57 out per million tokens)',
		);
	});

	test('the filter matches any part of the id, case-insensitively, trimmed', async () => {
		expect(values(await text('  LLAMA-3.1 '))).toEqual([
			'meta/llama-3.1-70b-instruct',
			'meta/llama-3.1-8b-instruct',
		]);
	});

	test('an image model searched in the text picker is not found', async () => {
		expect(values(await text('flux'))).toEqual(['flux']);
	});

	test('nothing matches: one entry pointing to By ID, holding the typed text', async () => {
		expect(await text(' vendor/new-model ')).toEqual({
			results: [
				{
					name: 'No catalog model matches "vendor/new-model": use By ID for any model ID',
					value: 'vendor/new-model',
				},
			],
		});
	});
});

describe('searchImageModels (the image picker)', () => {
	test('no filter: the four image models, no text model', async () => {
		expect(values(await image())).toEqual([
			'black-forest-labs/flux-1-schnell',
			'stabilityai/stable-diffusion-xl-base-1.0',
			'bytedance/stable-diffusion-xl-lightning',
			'lykon/dreamshaper-8-lcm',
		]);
	});

	test('each entry shows its price per image', async () => {
		expect((await image('dreamshaper')).results).toEqual([
			{ name: 'lykon/dreamshaper-8-lcm ($0.001 per image)', value: 'lykon/dreamshaper-8-lcm' },
		]);
		expect(imageSummary(imageModel('black-forest-labs/flux-1-schnell')!)).toBe('$0.0012 per image');
	});

	test('a text model searched in the image picker points to By ID', async () => {
		const { results } = await image('gemma');
		expect(results).toHaveLength(1);
		expect(results[0].name).toContain('use By ID');
	});
});

describe('the fields', () => {
	test("the Chat Model's: the version 1 list and the version 2 locator, no resource condition", () => {
		expect(textModelFields.map((field) => field.type)).toEqual(['options', 'resourceLocator']);
		expect(JSON.stringify(textModelFields)).not.toContain('resource"');
	});

	test("the Dataoorts node's image locator shows for Resource Image only, defaulting to flux", () => {
		const imagePicker = modelFields[2];
		expect(imagePicker.default).toEqual({
			mode: 'list',
			value: 'black-forest-labs/flux-1-schnell',
		});
		expect(imagePicker.displayOptions?.show?.resource).toEqual(['image']);
		expect(modelFields[1].displayOptions?.hide?.resource).toEqual(['image']);
	});
});
