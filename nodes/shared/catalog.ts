/**
 * Every model Dataoorts serves, in one table: text generation and text-to-image. Ids, context
 * windows and inputs from Dataoorts' public catalog file and model pages; prices in USD from each
 * model's page (text input) and Dataoorts' public pricing.txt (text output, images). Each row
 * names its source and the date it was checked. The catalog changes over time, so both nodes also
 * accept any other model id (By ID), and a user can set prices for it. Both pickers, the run-time
 * checks, the cost and the README's catalog table read this table.
 */

/** Where a row's figures come from. */
const SOURCES = {
	text: 'catalog file (2025-10), model page and pricing.txt (checked 2026-11)',
	image: 'model page and pricing.txt (checked 2026-11)',
} as const;

/** A text-generation model (chat messages in, text out). */
export interface CatalogModel {
	readonly kind: 'text';
	readonly id: string;
	readonly contextWindow: number;
	/** Accepts image parts in message content. */
	readonly vision: boolean;
	/** Answers with its thoughts first, closed by </think> (nodes/shared/reasoning.ts). */
	readonly reasoning: boolean;
	/** Answers with a safety verdict, Llama Guard 3's (nodes/shared/moderation.ts). */
	readonly moderation: boolean;
	/** USD per million prompt tokens. */
	readonly inputPricePerMillion: number;
	/** USD per million completion tokens. */
	readonly outputPricePerMillion: number;
	readonly source: string;
}

/** The image inputs beside `prompt` the model pages document (option names of Generate an Image). */
export const IMAGE_INPUTS = [
	'negativePrompt',
	'width',
	'height',
	'steps',
	'guidance',
	'seed',
] as const;

export type ImageInput = (typeof IMAGE_INPUTS)[number];

/** A text-to-image model (a prompt in, one image out). */
export interface ImageModel {
	readonly kind: 'image';
	readonly id: string;
	/** USD per generated image. */
	readonly pricePerImage: number;
	/** Longest prompt the page allows, in characters (none stated: unbounded). */
	readonly maxPromptLength?: number;
	/** The documented inputs the model takes; anything else is refused before sending. */
	readonly inputs: readonly ImageInput[];
	/** Diffusion steps: the API's field name, the page's range and default. */
	readonly steps: {
		readonly apiName: 'steps' | 'num_steps';
		readonly max: number;
		readonly default: number;
	};
	readonly source: string;
}

export type AnyCatalogModel = CatalogModel | ImageModel;

export const DEFAULT_MODEL = 'google/gemma-3-12b-it';
export const DEFAULT_IMAGE_MODEL = 'black-forest-labs/flux-1-schnell';

const SDXL_INPUTS: readonly ImageInput[] = IMAGE_INPUTS;
const SDXL_STEPS = { apiName: 'num_steps', max: 20, default: 20 } as const;

// prettier-ignore
export const CATALOG: readonly AnyCatalogModel[] = [
	{ kind: 'text', id: 'google/gemma-3-12b-it', contextWindow: 80_000, vision: true, reasoning: false, moderation: false, inputPricePerMillion: 0.11, outputPricePerMillion: 0.12, source: SOURCES.text },
	{ kind: 'text', id: 'meta/llama-4-scout-17b-16e-instruct', contextWindow: 130_000, vision: true, reasoning: false, moderation: false, inputPricePerMillion: 0.32, outputPricePerMillion: 0.34, source: SOURCES.text },
	{ kind: 'text', id: 'meta/llama-3.3-70b-instruct-fp8-fast', contextWindow: 25_000, vision: false, reasoning: false, moderation: false, inputPricePerMillion: 0.31, outputPricePerMillion: 0.34, source: SOURCES.text },
	{ kind: 'text', id: 'meta/llama-3.1-70b-instruct', contextWindow: 25_000, vision: false, reasoning: false, moderation: false, inputPricePerMillion: 0.31, outputPricePerMillion: 0.34, source: SOURCES.text },
	{ kind: 'text', id: 'meta/llama-3.1-8b-instruct', contextWindow: 8_000, vision: false, reasoning: false, moderation: false, inputPricePerMillion: 0.07, outputPricePerMillion: 0.08, source: SOURCES.text },
	{ kind: 'text', id: 'meta/llama-guard-3-8b', contextWindow: 8_124, vision: false, reasoning: false, moderation: true, inputPricePerMillion: 0.12, outputPricePerMillion: 0.15, source: SOURCES.text },
	{ kind: 'text', id: 'deepseek-ai/deepseek-r1-distill-qwen-32b', contextWindow: 85_000, vision: false, reasoning: true, moderation: false, inputPricePerMillion: 0.56, outputPricePerMillion: 0.59, source: SOURCES.text },
	{ kind: 'text', id: 'qwen/qwen2.5-coder-32b-instruct', contextWindow: 32_500, vision: false, reasoning: false, moderation: false, inputPricePerMillion: 0.55, outputPricePerMillion: 0.57, source: SOURCES.text },
	{ kind: 'text', id: 'qwen/qwq-32b', contextWindow: 24_000, vision: false, reasoning: true, moderation: false, inputPricePerMillion: 0.54, outputPricePerMillion: 0.57, source: SOURCES.text },
	{ kind: 'image', id: 'black-forest-labs/flux-1-schnell', pricePerImage: 0.0012, maxPromptLength: 2048, inputs: ['steps', 'seed'], steps: { apiName: 'steps', max: 8, default: 4 }, source: SOURCES.image },
	{ kind: 'image', id: 'stabilityai/stable-diffusion-xl-base-1.0', pricePerImage: 0.0011, inputs: SDXL_INPUTS, steps: SDXL_STEPS, source: SOURCES.image },
	{ kind: 'image', id: 'bytedance/stable-diffusion-xl-lightning', pricePerImage: 0.0011, inputs: SDXL_INPUTS, steps: SDXL_STEPS, source: SOURCES.image },
	{ kind: 'image', id: 'lykon/dreamshaper-8-lcm', pricePerImage: 0.001, inputs: SDXL_INPUTS.filter((input) => input !== 'seed'), steps: SDXL_STEPS, source: SOURCES.image },
];

/** The text models, in catalog order (the text picker, vision and cost). */
export const TEXT_MODELS = CATALOG.filter((model): model is CatalogModel => model.kind === 'text');

/** The image models, in catalog order (the image picker, input checks and cost). */
export const IMAGE_MODELS = CATALOG.filter((model): model is ImageModel => model.kind === 'image');

/** A catalog text model by id. */
export function catalogModel(id: string): CatalogModel | undefined {
	return TEXT_MODELS.find((model) => model.id === id);
}

/** A catalog image model by id. */
export function imageModel(id: string): ImageModel | undefined {
	return IMAGE_MODELS.find((model) => model.id === id);
}
