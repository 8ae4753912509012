/** base64Span and decodeBase64: the image read straight out of the answer's bytes. */
import {
	base64Span,
	decodeBase64,
} from '../../../../../nodes/shared/transport/answer/image-base64';

const IMAGE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00, 0x7f]);
const B64 = IMAGE.toString('base64'); // 'iVBORw0KGgr/AH8='

const span = (json: string) => {
	const body = Buffer.from(json);
	const found = base64Span(body);
	return found && body.toString('latin1', found.start, found.end);
};

describe('base64Span', () => {
	test('finds the value of image_base64, whitespace around the colon allowed', () => {
		expect(span(`{"success":true,"result":{"image_base64":"${B64}"}}`)).toBe(B64);
		expect(span(`{"result":{"image_base64" :\n\t "${B64}"}}`)).toBe(B64);
	});

	test.each([
		['no such key', '{"result":{"image":"abc"}}'],
		['a value that is not a string', '{"result":{"image_base64":null}}'],
		['a value with an escape', '{"result":{"image_base64":"ab\\/cd"}}'],
		['an unterminated string', '{"result":{"image_base64":"abcd'],
		['the key followed by no colon', '{"image_base64"}'],
	])('undefined for %s: the caller parses the whole body', (_case, json) => {
		expect(span(json)).toBeUndefined();
	});

	test('an escape after the value does not matter', () => {
		expect(span(`{"result":{"image_base64":"${B64}"},"note":"a\\"b"}`)).toBe(B64);
	});
});

describe('decodeBase64', () => {
	test('decodes to exactly the image, padded or not', () => {
		expect(decodeBase64(Buffer.from(B64))).toEqual({ image: IMAGE });
		expect(decodeBase64(Buffer.from(B64.replace(/=+$/, '')))).toEqual({ image: IMAGE });
	});

	test('the URL-safe alphabet decodes to the same image', () => {
		const urlSafe = IMAGE.toString('base64url');
		expect(urlSafe).not.toBe(B64.replace(/=+$/, ''));
		expect(decodeBase64(Buffer.from(urlSafe))).toEqual({ image: IMAGE });
	});

	test('an image larger than one slice decodes whole', () => {
		const big = Buffer.alloc(200_000);
		for (let i = 0; i < big.length; i++) big[i] = (i * 7) % 256;
		const decoded = decodeBase64(Buffer.from(big.toString('base64')));
		expect('image' in decoded && decoded.image.equals(big)).toBe(true);
	});

	test('empty text is an empty image', () => {
		expect(decodeBase64(Buffer.alloc(0))).toEqual({ image: Buffer.alloc(0) });
	});

	test('a character outside base64 is named with its position', () => {
		expect(decodeBase64(Buffer.from('iVBO Rw0KGg'))).toEqual({
			problem: 'it holds " " at position 4, which base64 does not',
		});
		expect(decodeBase64(Buffer.from('iVBORw0K!!!!'))).toEqual({
			problem: 'it holds "!" at position 8, which base64 does not',
		});
	});

	test('a bad character past the first slice is named at its position in the whole text', () => {
		const text = 'A'.repeat(64 * 1024 + 8) + '*AAA';
		expect(decodeBase64(Buffer.from(text))).toEqual({
			problem: `it holds "*" at position ${64 * 1024 + 8}, which base64 does not`,
		});
	});

	test('a length no base64 can have is refused', () => {
		expect(decodeBase64(Buffer.from('iVBOR'))).toEqual({
			problem: 'its length (5 characters) is not one base64 can have',
		});
	});
});
