/** An AI Agent's file parts → the API's image parts: inline data only, checked as the node's are. */
import type { ContentFile, MessageContent } from '@n8n/ai-node-sdk';

import { imageParts } from '../../../nodes/LmChatDataoorts/images';
import type { InlineImage } from '../../../nodes/shared/inline-image';
import { refusal } from '../../helpers/refusal';

const file = (part: Omit<ContentFile, 'type'>) => ({ type: 'file', ...part }) as ContentFile;
const text = { type: 'text', text: 'What is this?' } as MessageContent;
const urlsOf = (content: MessageContent[]) =>
	imageParts(content, 1).map((part) => (part.image_url.url as InlineImage).toJSON());

describe('imageParts', () => {
	test('base64 data, raw bytes and data URIs become data URIs; text parts are skipped', () => {
		expect(
			urlsOf([
				text,
				file({ mediaType: 'image/png', data: 'YWJj' }),
				file({ mediaType: 'image/jpeg', data: new Uint8Array([97, 98, 99]) }),
				file({ data: 'data:image/webp;base64,YWJj' }),
				file({ data: 'data:image/gif,abc%20d' }),
			]),
		).toEqual([
			'data:image/png;base64,YWJj',
			'data:image/jpeg;base64,YWJj',
			'data:image/webp;base64,YWJj',
			'data:image/gif;base64,YWJjIGQ=',
		]);
	});

	test('no file parts: no image parts', () => {
		expect(imageParts([text], 1)).toEqual([]);
	});

	test('a data URI in the provider metadata is taken', () => {
		const part = file({ data: '', providerMetadata: { url: 'data:image/png;base64,YWJj' } });
		expect(urlsOf([part])).toEqual(['data:image/png;base64,YWJj']);
	});

	test('an image by web URL is refused, naming the image and its message', () => {
		const part = file({
			mediaType: 'image/png',
			data: '',
			providerMetadata: { url: 'https://example.com/a.png' },
		});
		expect(
			refusal(() => imageParts([text, file({ data: 'YWJj', mediaType: 'image/png' }), part], 3)),
		).toEqual({
			field: 'messages',
			message:
				'Image 2 of message 3 is given by URL, not as data; Dataoorts takes images as data only',
		});
	});

	test('a type the API does not take is refused, as on the Dataoorts node', () => {
		const { field, message } = refusal(() =>
			imageParts([file({ mediaType: 'application/pdf', data: 'YWJj' })], 2),
		);
		expect(field).toBe('messages');
		expect(message).toMatch(
			/^Image 1 of message 2 is "application\/pdf", not an image the API takes/,
		);
	});
});
