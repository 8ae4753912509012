/** What an image is, read from its bytes, and whether it arrived whole. */
import { leadingBytes, sniffImage, truncation } from '../../../nodes/shared/image-signature';

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const pngOf = (tail: string) => Buffer.concat([Buffer.from(PNG_HEAD), Buffer.from(tail, 'latin1')]);
const jpegOf = (...tail: number[]) => Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...tail]);
function webpOf(declaredBody: number, actualBody: number): Buffer {
	const head = Buffer.from('RIFF\0\0\0\0WEBP', 'latin1');
	head.writeUInt32LE(declaredBody, 4);
	return Buffer.concat([head, Buffer.alloc(actualBody - 4)]);
}

describe('sniffImage', () => {
	test.each([
		[pngOf(''), 'image/png', 'png', 'PNG'],
		[Buffer.from([0xff, 0xd8, 0xff]), 'image/jpeg', 'jpg', 'JPEG'],
		[webpOf(4, 4), 'image/webp', 'webp', 'WebP'],
	])('%#: recognised by its signature', (bytes, mimeType, extension, name) => {
		expect(sniffImage(bytes)).toEqual({ mimeType, extension, name });
	});

	test.each([
		['empty', Buffer.alloc(0)],
		['seven bytes of a PNG signature', Buffer.from(PNG_HEAD.slice(0, 7))],
		['two bytes of a JPEG signature', Buffer.from([0xff, 0xd8])],
		['RIFF that is not WebP', Buffer.from('RIFF\0\0\0\0WAVE', 'latin1')],
		['JSON', Buffer.from('{"error":"nope"}')],
		['GIF', Buffer.from('GIF89a......')],
	])('%s: not an image it knows', (_label, bytes) => {
		expect(sniffImage(bytes)).toBeUndefined();
	});
});

describe('truncation', () => {
	const kind = (bytes: Buffer) => sniffImage(bytes)!;

	test('a PNG ending with its IEND chunk and CRC is whole', () => {
		const png = pngOf('\0\0\0\0IEND\xae\x42\x60\x82');
		expect(truncation(png, kind(png))).toBeUndefined();
	});

	test.each([
		['no IEND at all', pngOf('\0\0\0\x0dIHDR')],
		['IEND without its CRC', pngOf('\0\0\0\0IEND\xae\x42')],
	])('a PNG with %s is cut', (_label, png) => {
		expect(truncation(png, kind(png))).toBe('it has no IEND chunk at its end');
	});

	test('a JPEG ending with FFD9 is whole, also with zero padding after it', () => {
		const whole = jpegOf(0x01, 0xff, 0xd9);
		expect(truncation(whole, kind(whole))).toBeUndefined();
		const padded = jpegOf(0x01, 0xff, 0xd9, 0, 0, 0);
		expect(truncation(padded, kind(padded))).toBeUndefined();
	});

	test('a JPEG without its end-of-image marker is cut', () => {
		const cut = jpegOf(0x01, 0x02, 0x03);
		expect(truncation(cut, kind(cut))).toBe('it does not end with the end-of-image marker');
	});

	test('a WebP as long as its RIFF header declares is whole; a longer one too', () => {
		const whole = webpOf(20, 20);
		expect(whole.length).toBe(28);
		expect(truncation(whole, kind(whole))).toBeUndefined();
		const longer = webpOf(20, 24);
		expect(truncation(longer, kind(longer))).toBeUndefined();
	});

	test('a WebP shorter than its RIFF header declares is cut, with both sizes named', () => {
		const cut = webpOf(100, 20);
		expect(truncation(cut, kind(cut))).toBe('its RIFF header declares 108 bytes, 28 arrived');
	});
});

describe('leadingBytes', () => {
	test('up to eight bytes in spaced hex', () => {
		expect(leadingBytes(Buffer.from('{"a"'))).toBe('7b 22 61 22');
		expect(leadingBytes(Buffer.from('abcdefgh'))).toBe('61 62 63 64 65 66 67 68');
	});

	test('more than eight bytes: the first eight and an ellipsis', () => {
		expect(leadingBytes(Buffer.from('<html><body>'))).toBe('3c 68 74 6d 6c 3e 3c 62 …');
	});

	test('nothing: empty', () => {
		expect(leadingBytes(Buffer.alloc(0))).toBe('');
	});
});
