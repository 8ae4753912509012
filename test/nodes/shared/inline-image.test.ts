/** An image kept as bytes until its body is built, then let go of. */
import { InlineImage } from '../../../nodes/shared/inline-image';

describe('InlineImage', () => {
	test('its data URI, as JSON.stringify writes it', () => {
		const image = new InlineImage('image/png', Buffer.from('hello'));
		expect(JSON.stringify({ url: image })).toBe('{"url":"data:image/png;base64,aGVsbG8="}');
	});

	test.each([
		[0, 'data:image/gif;base64,'.length],
		[1, 'data:image/gif;base64,'.length + 4],
		[3, 'data:image/gif;base64,'.length + 4],
		[4, 'data:image/gif;base64,'.length + 8],
	])('%i bytes: a data URI of %i bytes, as long as the one it writes', (size, length) => {
		const image = new InlineImage('image/gif', Buffer.alloc(size, 7));
		expect(image.length).toBe(length);
		expect(image.toJSON()).toHaveLength(length);
	});

	test('prefix and byte length', () => {
		const image = new InlineImage('image/webp', Buffer.alloc(10));
		expect(image.prefix).toBe('data:image/webp;base64,');
		expect(image.byteLength).toBe(10);
	});

	test('released: its bytes are gone, its size stays, reading them fails clearly', () => {
		const image = new InlineImage('image/jpeg', Buffer.alloc(6));
		const before = image.length;
		image.release();
		expect(image.byteLength).toBe(6);
		expect(image.length).toBe(before);
		expect(() => image.bytes).toThrow('This image was released once it was sent');
		expect(() => image.toJSON()).toThrow('This image was released once it was sent');
	});
});
