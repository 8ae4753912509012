/** The item's binary properties named in Image Binary Properties → image content parts. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { ParameterValidationError } from '../shared/errors/errors';
import { formatValue } from '../shared/format';
import { checkModelTakesImages, imageContentPart } from '../shared/images';
import type { ImageContentPart } from '../shared/wire';

const FIELD = 'options.imageBinaryProperties';

/**
 * Reads the named binary properties of one input item as image content parts. Catalog models
 * known not to accept images are refused; other model ids are sent as they are.
 */
export async function readImages(
	context: IExecuteFunctions,
	itemIndex: number,
	propertyNames: string[],
	model: string,
): Promise<ImageContentPart[]> {
	if (propertyNames.length === 0) return [];
	checkModelTakesImages(model, FIELD, 'remove Image Binary Properties');
	const binary = context.getInputData()[itemIndex]?.binary ?? {};
	const parts: ImageContentPart[] = [];
	for (const name of propertyNames) {
		const data = binary[name];
		if (data === undefined) {
			const present = Object.keys(binary);
			throw new ParameterValidationError(
				FIELD,
				`Image Binary Properties: the input item has no binary property ${formatValue(name)}${present.length > 0 ? `; it has ${present.map((key) => formatValue(key)).join(', ')}` : ''}`,
			);
		}
		const bytes = await context.helpers.getBinaryDataBuffer(itemIndex, name);
		const label = `Image Binary Properties: binary property ${formatValue(name)}`;
		parts.push(imageContentPart({ mimeType: String(data.mimeType ?? ''), bytes }, FIELD, label));
	}
	return parts;
}
