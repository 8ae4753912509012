/** The one model table: lookups by kind, and the flags the nodes act on. */
import {
	CATALOG,
	DEFAULT_IMAGE_MODEL,
	DEFAULT_MODEL,
	IMAGE_MODELS,
	TEXT_MODELS,
	catalogModel,
	imageModel,
} from '../../../nodes/shared/catalog';

describe('lookups', () => {
	test('catalogModel finds text models only', () => {
		expect(catalogModel('qwen/qwq-32b')?.contextWindow).toBe(24_000);
		expect(catalogModel(DEFAULT_IMAGE_MODEL)).toBeUndefined();
		expect(catalogModel('someone/unknown')).toBeUndefined();
	});

	test('imageModel finds image models only', () => {
		expect(imageModel(DEFAULT_IMAGE_MODEL)?.pricePerImage).toBe(0.0012);
		expect(imageModel(DEFAULT_MODEL)).toBeUndefined();
		expect(imageModel('someone/unknown')).toBeUndefined();
	});

	test('ids are exact: no case folding, no trimming', () => {
		expect(catalogModel('Google/Gemma-3-12b-it')).toBeUndefined();
		expect(catalogModel(` ${DEFAULT_MODEL}`)).toBeUndefined();
	});

	test('the defaults are in the catalog, each of its kind', () => {
		expect(catalogModel(DEFAULT_MODEL)?.kind).toBe('text');
		expect(imageModel(DEFAULT_IMAGE_MODEL)?.kind).toBe('image');
	});
});

describe('kinds', () => {
	test('every row is text or image, in catalog order', () => {
		expect(TEXT_MODELS.length + IMAGE_MODELS.length).toBe(CATALOG.length);
		expect(TEXT_MODELS.every((model) => model.kind === 'text')).toBe(true);
		expect(IMAGE_MODELS.map((model) => model.id)).toEqual([
			'black-forest-labs/flux-1-schnell',
			'stabilityai/stable-diffusion-xl-base-1.0',
			'bytedance/stable-diffusion-xl-lightning',
			'lykon/dreamshaper-8-lcm',
		]);
	});

	test('ids are unique', () => {
		const ids = CATALOG.map((model) => model.id);
		expect(new Set(ids).size).toBe(ids.length);
	});
});

describe('flags', () => {
	const flagged = (flag: 'vision' | 'reasoning' | 'moderation') =>
		TEXT_MODELS.filter((model) => model[flag]).map((model) => model.id);

	test('vision: gemma-3 and llama-4-scout', () => {
		expect(flagged('vision')).toEqual([
			'google/gemma-3-12b-it',
			'meta/llama-4-scout-17b-16e-instruct',
		]);
	});

	test('reasoning: the R1 distill and QwQ', () => {
		expect(flagged('reasoning')).toEqual([
			'deepseek-ai/deepseek-r1-distill-qwen-32b',
			'qwen/qwq-32b',
		]);
	});

	test('moderation: Llama Guard 3 only', () => {
		expect(flagged('moderation')).toEqual(['meta/llama-guard-3-8b']);
	});

	test('image inputs and steps per model page', () => {
		expect(imageModel(DEFAULT_IMAGE_MODEL)).toMatchObject({
			inputs: ['steps', 'seed'],
			steps: { apiName: 'steps', max: 8, default: 4 },
			maxPromptLength: 2048,
		});
		const dreamshaper = imageModel('lykon/dreamshaper-8-lcm')!;
		expect(dreamshaper.inputs).not.toContain('seed');
		expect(dreamshaper.steps).toEqual({ apiName: 'num_steps', max: 20, default: 20 });
		expect(dreamshaper.maxPromptLength).toBeUndefined();
	});

	test('every row names its source', () => {
		for (const model of CATALOG) expect(model.source).toMatch(/checked \d{4}-\d{2}/);
	});
});
