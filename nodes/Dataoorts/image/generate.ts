/**
 * Generate an Image for one item: the request body from its checked parameters, the image through
 * the shared transport, and the output item (the image in a binary field through n8n's binary
 * helpers, so n8n's binary data mode stores it; a small JSON beside it).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ImageInput } from '../../shared/catalog';
import type { DataoortsConnection } from '../../shared/connection';
import { imageCostOf } from '../../shared/cost';
import { IMAGE_OPTIONS } from '../../shared/parameters/image-table';
import { sendImageRequest, type GeneratedImage } from '../../shared/transport';
import { readImageParameters, type ImageParameters } from './parameters';

/** Steps' API name for a model the catalog does not list: the one three of four pages use. */
const UNLISTED_STEPS_NAME = 'num_steps';

/** `{ model, data: { prompt, <set inputs under their API names> } }`. */
export function buildImageRequestBody(
	parameters: Pick<ImageParameters, 'model' | 'listed' | 'prompt' | 'inputs'>,
): {
	model: string;
	data: IDataObject;
} {
	const data: IDataObject = { prompt: parameters.prompt };
	for (const row of IMAGE_OPTIONS) {
		const value = parameters.inputs[row.option as ImageInput];
		if (value === undefined) continue;
		const apiName =
			row.option === 'steps'
				? (parameters.listed?.steps.apiName ?? UNLISTED_STEPS_NAME)
				: row.apiName;
		if (apiName !== undefined) data[apiName] = value;
	}
	return { model: parameters.model, data };
}

/** The JSON part of an image item, field by field (the README's table follows it). */
export const IMAGE_OUTPUT_FIELDS = [
	['model', 'The model that was asked for.'],
	['mimeType', "`image/png`, `image/jpeg` or `image/webp`, from the bytes' signature."],
	['fileSize', "The image's size in bytes."],
	['width', 'The width that was asked for (only when set).'],
	['height', 'The height that was asked for (only when set).'],
	['seed', 'The seed that was asked for (only when set).'],
	[
		'cost',
		'`{ total, currency: "USD" }`: the price per image; `null` for a model the catalog does not list and no Price per Image.',
	],
] as const;

/** The item's JSON: what was asked and what came back; fields the request did not set left out. */
export function imageOutputJson(parameters: ImageParameters, image: GeneratedImage): IDataObject {
	const json: IDataObject = {
		model: parameters.model,
		mimeType: image.kind.mimeType,
		fileSize: image.bytes.length,
	};
	for (const input of ['width', 'height', 'seed'] as const) {
		if (parameters.inputs[input] !== undefined) json[input] = parameters.inputs[input];
	}
	json.cost = imageCostOf(parameters.pricePerImage ?? parameters.listed?.pricePerImage);
	return json;
}

/** A file name for the image: the model's last id part, the item's number, the format's extension. */
function fileName(model: string, itemIndex: number, image: GeneratedImage): string {
	const base = model
		.split('/')
		.pop()!
		.replace(/[^A-Za-z0-9._-]/g, '-');
	return `${base}-${itemIndex + 1}.${image.kind.extension}`;
}

/** One item through Generate an Image. */
export async function generateImage(
	context: IExecuteFunctions,
	itemIndex: number,
	connection: DataoortsConnection,
	signal: AbortSignal,
): Promise<INodeExecutionData> {
	const parameters = readImageParameters(context, itemIndex);
	const image = await sendImageRequest({
		connection,
		body: buildImageRequestBody(parameters),
		timeoutMs: parameters.execution.timeout,
		maxRetries: parameters.execution.maxRetries,
		maxRateLimitWaitMs: parameters.execution.maxRateLimitWait * 1000,
		signal,
		logger: context.logger,
	});
	const binary = await context.helpers.prepareBinaryData(
		image.bytes,
		fileName(parameters.model, itemIndex, image),
		image.kind.mimeType,
	);
	return {
		json: imageOutputJson(parameters, image),
		binary: { [parameters.binaryPropertyOutput]: binary },
		pairedItem: { item: itemIndex },
	};
}
