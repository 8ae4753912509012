/** The request body as sent: with images written in place, byte for byte what JSON.stringify gives. */
import { randomBytes } from 'node:crypto';

import { InlineImage } from '../../../../../nodes/shared/inline-image';
import { encodeBody } from '../../../../../nodes/shared/transport/request/payload';

const part = (image: InlineImage) => ({ type: 'image_url', image_url: { url: image } });

test('no image: the JSON text itself', () => {
	const body = { model: 'm', data: { messages: [{ role: 'user', content: 'héllo "x"' }] } };
	expect(encodeBody(body)).toBe(JSON.stringify(body));
});

test.each([0, 1, 2, 3, 4, 3 * 16 * 1024, 3 * 16 * 1024 + 1, 5 * 2 ** 20 + 2])(
	'an image of %i bytes, among text that looks like anything: the same bytes as its data URI',
	(size) => {
		const images = [
			new InlineImage('image/png', randomBytes(size)),
			new InlineImage('image/jpeg', randomBytes(7)),
		];
		const body = {
			model: 'google/gemma-3-12b-it',
			data: {
				messages: [
					{
						role: 'user',
						content: [{ type: 'text', text: 'ünïcödé 🙂 "0-0" \\u0000' }, part(images[0])],
					},
					{ role: 'user', content: [part(images[1]), { type: 'text', text: 'after' }] },
				],
			},
		};
		const expected = JSON.stringify(body);
		const photo = images[0].bytes.toString('base64');
		const sent = encodeBody(body);
		expect(Buffer.isBuffer(sent)).toBe(true);
		expect((sent as Buffer).toString('utf8')).toBe(expected);
		expect(
			JSON.parse((sent as Buffer).toString('utf8')).data.messages[0].content[1].image_url.url,
		).toBe(`data:image/png;base64,${photo}`);
		// Sent once, so let go: the body holds the only copy.
		expect(() => images[0].bytes).toThrow('This image was released once it was sent');
	},
);
