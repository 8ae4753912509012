/** imageFromBody: an image model's 2xx body in either documented shape, or the error naming it. */
import { imageFromBody } from '../../../../../nodes/shared/transport/answer/image-answer';
import { createRedactor } from '../../../../../nodes/shared/transport/answer/redact';
import { makePng } from '../../../../helpers/image';

const API_KEY = 'dk-image-answer-key-9';
const context = { redactor: createRedactor(API_KEY) };
const PNG = makePng(1, 600);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]);
const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const envelope = (result: unknown) => json({ success: true, result, errors: [], messages: [] });

function failure(body: Buffer, headers: Record<string, string> = {}): string {
	try {
		imageFromBody(200, headers, body, context);
	} catch (error) {
		expect((error as { code: string }).code).toBe('DATAOORTS_INVALID_RESPONSE');
		return (error as Error).message;
	}
	throw new Error('expected the body to be refused');
}

describe('raw bytes', () => {
	test('a PNG is recognised by its signature, whatever the content type says', () => {
		const image = imageFromBody(200, { 'content-type': 'text/plain' }, PNG, context);
		expect(image.shape).toBe('raw');
		expect(image.kind.name).toBe('PNG');
		expect(image.bytes.equals(PNG)).toBe(true);
	});

	test('a JPEG is recognised too', () => {
		expect(imageFromBody(200, {}, JPEG, context).kind.mimeType).toBe('image/jpeg');
	});

	test('a truncated PNG is refused, saying why', () => {
		expect(failure(PNG.subarray(0, PNG.length - 20))).toMatch(
			/^Dataoorts answered 200 with a truncated PNG image \(\d+ bytes\): it has no IEND chunk at its end$/,
		);
	});
});

describe('the JSON envelope', () => {
	test('result.image_base64 is decoded to the image', () => {
		const image = imageFromBody(
			200,
			{},
			envelope({ image_base64: PNG.toString('base64') }),
			context,
		);
		expect(image.shape).toBe('json');
		expect(image.kind.name).toBe('PNG');
		expect(image.bytes.equals(PNG)).toBe(true);
	});

	test('base64 with escaped slashes or line breaks is read through the whole-body parse', () => {
		const b64 = PNG.toString('base64');
		const wrapped = b64.replace(/(.{76})/g, '$1\n');
		const body = Buffer.from(
			JSON.stringify({ success: true, result: { image_base64: wrapped }, errors: [] }).replace(
				/\//g,
				'\\/',
			),
		);
		expect(imageFromBody(200, {}, body, context).bytes.equals(PNG)).toBe(true);
	});

	test('a missing image names what result holds', () => {
		expect(failure(envelope({ response: 'no picture today' }))).toBe(
			'Dataoorts answered 200 with JSON without an image: result.image_base64 is missing (result holds: response)',
		);
		expect(failure(envelope({ image_base64: '' }))).toContain(
			'result.image_base64 is empty or not text (result holds: image_base64)',
		);
		expect(failure(envelope({ image_base64: 5, seed: 1 }))).toContain(
			'result.image_base64 is empty or not text (result holds: image_base64, seed)',
		);
	});

	test('base64 that is not base64 names the culprit', () => {
		expect(failure(envelope({ image_base64: 'iVBO*Rw0KGgo' }))).toBe(
			'Dataoorts answered 200 with result.image_base64 that is not base64: it holds "*" at position 4, which base64 does not',
		);
	});

	test('base64 of something that is no image names its first bytes', () => {
		const text = Buffer.from('hello, not an image').toString('base64');
		expect(failure(envelope({ image_base64: text }))).toBe(
			'Dataoorts answered 200 with result.image_base64 that is base64 but not an image (PNG, JPEG or WebP): it decodes to 19 bytes starting 68 65 6c 6c 6f 2c 20 6e …',
		);
	});

	test('a truncated image in the envelope says where it was', () => {
		const cut = PNG.subarray(0, PNG.length - 20).toString('base64');
		expect(failure(envelope({ image_base64: cut }))).toContain(
			'a truncated PNG image in result.image_base64',
		);
	});
});

describe('neither', () => {
	test('an empty or blank body', () => {
		expect(failure(Buffer.alloc(0))).toBe(
			'Dataoorts answered 200 with an empty body instead of an image',
		);
		expect(failure(Buffer.from('\ufeff \n\t'))).toContain('an empty body instead of an image');
	});

	test('an HTML page is named with its content type and a snippet, the key scrubbed', () => {
		const page = Buffer.from(`<html>\n  <body>Gateway   error ${API_KEY}</body></html>`);
		const message = failure(page, { 'content-type': 'text/html' });
		expect(message).toContain(
			'an HTML page (text/html) instead of an image: <html> <body>Gateway error',
		);
		expect(message).not.toContain(API_KEY);
	});

	test('other bytes are named by content type, size and first bytes', () => {
		expect(failure(Buffer.from('GIF89a-data'), { 'content-type': 'image/gif' })).toBe(
			'Dataoorts answered 200 with a body that is neither an image (PNG, JPEG or WebP) nor JSON (image/gif, 11 bytes starting 47 49 46 38 39 61 2d 64 …)',
		);
		expect(failure(Buffer.from('oops'))).toContain(
			'(no content type, 4 bytes starting 6f 6f 70 73)',
		);
	});
});
