/** Images as the API takes them: which models take them, which types, how large. */
import { InlineImage } from '../../../nodes/shared/inline-image';
import {
	MAX_IMAGE_BYTES,
	checkModelTakesImages,
	imageContentPart,
} from '../../../nodes/shared/images';
import { refusal } from '../../helpers/refusal';

describe('checkModelTakesImages', () => {
	test('a vision model and a model By ID pass', () => {
		expect(() => checkModelTakesImages('google/gemma-3-12b-it', 'model', 'x')).not.toThrow();
		expect(() => checkModelTakesImages('someone/new-model', 'model', 'x')).not.toThrow();
	});

	test('a catalog model without vision is refused, naming the vision models and the remedy', () => {
		expect(
			refusal(() =>
				checkModelTakesImages('meta/llama-3.1-8b-instruct', 'images', 'remove the images'),
			),
		).toEqual({
			field: 'images',
			message:
				'Model meta/llama-3.1-8b-instruct does not accept images; use google/gemma-3-12b-it or meta/llama-4-scout-17b-16e-instruct, or remove the images',
		});
	});
});

describe('imageContentPart', () => {
	test.each(['image/png', 'IMAGE/JPEG', 'image/webp', 'image/gif'])('%s is taken', (mimeType) => {
		const bytes = Buffer.from('abc');
		const part = imageContentPart({ mimeType, bytes }, 'field', 'label');
		expect(part.type).toBe('image_url');
		const url = part.image_url.url as InlineImage;
		expect(url).toBeInstanceOf(InlineImage);
		expect(url.mimeType).toBe(mimeType.toLowerCase());
		expect(url.toJSON()).toBe(`data:${mimeType.toLowerCase()};base64,YWJj`);
	});

	test.each([
		['application/pdf', '"application/pdf"'],
		['image/svg+xml', '"image/svg+xml"'],
		['', '"of unknown type"'],
	])('%j is refused with the label and the types taken', (mimeType, shown) => {
		const bytes = Buffer.alloc(1);
		expect(
			refusal(() =>
				imageContentPart({ mimeType, bytes }, 'binaryPropertyName', 'binary property "photo"'),
			),
		).toEqual({
			field: 'binaryPropertyName',
			message: `binary property "photo" is ${shown}, not an image the API takes (image/png, image/jpeg, image/webp, image/gif)`,
		});
	});

	test('5 MiB is taken; one byte more is refused with its size', () => {
		const at = Buffer.alloc(MAX_IMAGE_BYTES);
		expect(imageContentPart({ mimeType: 'image/png', bytes: at }, 'f', 'photo').type).toBe(
			'image_url',
		);
		const over = Buffer.alloc(5 * 1024 * 1024 + 1);
		expect(
			refusal(() => imageContentPart({ mimeType: 'image/png', bytes: over }, 'f', 'photo')),
		).toEqual({
			field: 'f',
			message: `photo is 5242881 bytes, over the 5242880-byte limit per image`,
		});
	});
});
