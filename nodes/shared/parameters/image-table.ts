/**
 * Generate an Image's options, held once: one row each. Like table.ts, a row gives the UI field,
 * the run-time check, the API name and the README's table. Which model takes which input, and
 * each model's step range, are in the catalog (catalog.ts); these rows hold the widest range.
 *
 * Source: the four image models' pages (see catalog.ts), checked 2026-11.
 */
import type { ImageInput } from '../catalog';
import type { NumericOptionSpec } from './spec';

/** A numeric image input or price: checked against its range, and per model where it says so. */
export interface ImageNumberRow extends NumericOptionSpec {
	readonly kind: 'image-number';
	readonly option: ImageInput | 'pricePerImage';
	/** The API's name; steps' depends on the model (catalog.ts). Undefined: not sent. */
	readonly apiName?: string;
}

/** A text option of Generate an Image. */
export interface ImageTextRow {
	readonly kind: 'image-text';
	readonly option: 'negativePrompt' | 'binaryPropertyOutput';
	readonly displayName: string;
	readonly description: string;
	readonly apiName?: string;
	readonly uiDefault: string;
	readonly placeholder: string;
}

export type ImageOptionRow = ImageNumberRow | ImageTextRow;

const SIZE = { min: 256, max: 2048, integer: true, uiDefault: 1024 } as const;

export const IMAGE_OPTIONS: readonly ImageOptionRow[] = [
	{
		kind: 'image-text',
		option: 'negativePrompt',
		apiName: 'negative_prompt',
		displayName: 'Negative Prompt',
		description: 'What the image should not show. Not taken by flux-1-schnell.',
		uiDefault: '',
		placeholder: 'e.g. blurry, text, watermark',
	},
	{
		kind: 'image-number',
		option: 'width',
		apiName: 'width',
		displayName: 'Width',
		description: 'Width of the image in pixels. Not taken by flux-1-schnell.',
		...SIZE,
	},
	{
		kind: 'image-number',
		option: 'height',
		apiName: 'height',
		displayName: 'Height',
		description: 'Height of the image in pixels. Not taken by flux-1-schnell.',
		...SIZE,
	},
	{
		kind: 'image-number',
		option: 'steps',
		displayName: 'Steps',
		description:
			'Diffusion steps: more is slower and more detailed. flux-1-schnell takes 1 to 8 (4 when unset, sent as steps); the others 1 to 20 (20 when unset, sent as num_steps).',
		min: 1,
		max: 20,
		integer: true,
		uiDefault: 4,
	},
	{
		kind: 'image-number',
		option: 'guidance',
		apiName: 'guidance',
		displayName: 'Guidance',
		description:
			'How closely the image follows the prompt; higher is closer. The API uses 7.5 when unset. Not taken by flux-1-schnell.',
		min: 0,
		integer: false,
		uiDefault: 7.5,
	},
	{
		kind: 'image-number',
		option: 'seed',
		apiName: 'seed',
		displayName: 'Seed',
		description:
			'Random seed: the same seed and prompt give the same image. Not taken by dreamshaper-8-lcm.',
		min: 0,
		max: 9999999999,
		integer: true,
		uiDefault: 1,
	},
	{
		kind: 'image-number',
		option: 'pricePerImage',
		displayName: 'Price per Image (USD)',
		description:
			"What one image costs, for the output's cost field. Overrides the catalog's price; set it for a model the catalog does not list.",
		min: 0,
		integer: false,
		uiDefault: 0,
		decimals: 4,
	},
	{
		kind: 'image-text',
		option: 'binaryPropertyOutput',
		displayName: 'Put Output in Field',
		description: 'The name of the output binary field to put the image in',
		uiDefault: 'data',
		placeholder: 'e.g. data',
	},
];

export const IMAGE_NUMBER_OPTIONS = IMAGE_OPTIONS.filter(
	(row): row is ImageNumberRow => row.kind === 'image-number',
);

/** The display name of an image input, for messages in the panel's words. */
export function imageOptionName(option: ImageInput): string {
	return IMAGE_OPTIONS.find((row) => row.option === option)?.displayName ?? option;
}
