import type { IExecuteFunctions } from 'n8n-workflow';

import { TEXT_MODELS } from './models';
import { ParameterValidationError, formatValue } from './validation';

/** An image content part as the API takes it upstream: data URIs only, no http URLs. */
export interface ImageContentPart {
	type: 'image_url';
	image_url: { url: string };
}

export const IMAGE_MIME_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

/** Per image, before base64 (which adds a third): large enough for photos, small enough for one request. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

const FIELD = 'options.imageBinaryProperties';

function fail(value: unknown, message: string): never {
	throw new ParameterValidationError(FIELD, value, message);
}

/**
 * Reads the named binary properties of one input item as image content parts. Catalog models
 * known not to accept images are refused; other model ids (given by expression) may carry images.
 */
export async function readImages(
	context: IExecuteFunctions,
	itemIndex: number,
	propertyNames: string[],
	model: string,
): Promise<ImageContentPart[]> {
	if (propertyNames.length === 0) return [];
	const catalogModel = TEXT_MODELS.find((entry) => entry.id === model);
	if (catalogModel && !catalogModel.vision) {
		const visionModels = TEXT_MODELS.filter((entry) => entry.vision).map((entry) => entry.id);
		fail(
			propertyNames,
			`Model ${model} does not accept images; use ${visionModels.join(' or ')}, or remove Image Binary Properties (${FIELD})`,
		);
	}
	const binary = context.getInputData()[itemIndex]?.binary ?? {};
	const parts: ImageContentPart[] = [];
	for (const name of propertyNames) {
		const data = binary[name];
		if (data === undefined) {
			const present = Object.keys(binary);
			fail(
				name,
				`Image Binary Properties (${FIELD}): the input item has no binary property ${formatValue(name)}${present.length > 0 ? `; it has ${present.map((key) => formatValue(key)).join(', ')}` : ''}`,
			);
		}
		const mimeType = String(data.mimeType ?? '').toLowerCase();
		if (!(IMAGE_MIME_TYPES as readonly string[]).includes(mimeType)) {
			fail(
				name,
				`Image Binary Properties (${FIELD}): binary property ${formatValue(name)} is ${formatValue(mimeType || 'of unknown type')}, not an image the API takes (${IMAGE_MIME_TYPES.join(', ')})`,
			);
		}
		const buffer = await context.helpers.getBinaryDataBuffer(itemIndex, name);
		if (buffer.length > MAX_IMAGE_BYTES) {
			fail(
				name,
				`Image Binary Properties (${FIELD}): binary property ${formatValue(name)} is ${buffer.length} bytes, over the ${MAX_IMAGE_BYTES}-byte limit per image`,
			);
		}
		parts.push({
			type: 'image_url',
			image_url: { url: `data:${mimeType};base64,${buffer.toString('base64')}` },
		});
	}
	return parts;
}
