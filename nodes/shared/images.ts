/**
 * Images as the API takes them, for both nodes: a data-URI content part, PNG, JPEG, WebP or GIF,
 * at most 5 MB each. The Dataoorts node reads them from binary properties; the chat model gets
 * them from an AI Agent's messages.
 */
import { catalogModel, TEXT_MODELS } from './catalog';
import { ParameterValidationError } from './errors/errors';
import { InlineImage } from './inline-image';
import { formatValue } from './format';
import type { ImageContentPart } from './wire';

const IMAGE_MIME_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];

/** Per image, before base64 (which adds a third): large enough for photos, small enough for one request. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** Catalog models known not to take images are refused; other ids are sent as they are. */
export function checkModelTakesImages(model: string, field: string, remedy: string): void {
	const listed = catalogModel(model);
	if (listed === undefined || listed.vision) return;
	const visionModels = TEXT_MODELS.filter((entry) => entry.vision).map((entry) => entry.id);
	throw new ParameterValidationError(
		field,
		`Model ${model} does not accept images; use ${visionModels.join(' or ')}, or ${remedy}`,
	);
}

/**
 * One image as a content part. `label` names it in errors (e.g. `binary property "photo"`), in
 * the words of the field the user filled.
 */
export function imageContentPart(
	image: { mimeType: string; bytes: Buffer },
	field: string,
	label: string,
): ImageContentPart {
	const mimeType = image.mimeType.toLowerCase();
	if (!IMAGE_MIME_TYPES.includes(mimeType)) {
		throw new ParameterValidationError(
			field,
			`${label} is ${formatValue(mimeType || 'of unknown type')}, not an image the API takes (${IMAGE_MIME_TYPES.join(', ')})`,
		);
	}
	if (image.bytes.length > MAX_IMAGE_BYTES) {
		throw new ParameterValidationError(
			field,
			`${label} is ${image.bytes.length} bytes, over the ${MAX_IMAGE_BYTES}-byte limit per image`,
		);
	}
	return { type: 'image_url', image_url: { url: new InlineImage(mimeType, image.bytes) } };
}
