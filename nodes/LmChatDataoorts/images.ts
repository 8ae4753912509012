/**
 * Images an AI Agent passes in its messages (the SDK's file content parts) → the API's image
 * content parts, built by the same code as the Dataoorts node's images.
 */
import type { ContentFile, MessageContent } from '@n8n/ai-node-sdk';

import { ParameterValidationError } from '../shared/errors/errors';
import { imageContentPart } from '../shared/images';
import type { ImageContentPart } from '../shared/wire';

const FIELD = 'messages';
const DATA_URI = /^data:([^;,]*)(;base64)?,(.*)$/s;

function fromDataUri(uri: string): { mimeType: string; bytes: Buffer } | undefined {
	const match = DATA_URI.exec(uri);
	if (!match) return undefined;
	const [, mimeType, base64, payload] = match;
	const bytes = base64 ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload));
	return { mimeType, bytes };
}

/** The image's type and bytes: inline data (base64, a data URI or raw bytes), never a web URL. */
function imageOf(part: ContentFile, label: string): { mimeType: string; bytes: Buffer } {
	const mimeType = part.mediaType ?? '';
	const { data } = part;
	if (data instanceof Uint8Array) return { mimeType, bytes: Buffer.from(data) };
	if (typeof data === 'string' && data !== '') {
		return fromDataUri(data) ?? { mimeType, bytes: Buffer.from(data, 'base64') };
	}
	const url = part.providerMetadata?.url;
	const inline = typeof url === 'string' ? fromDataUri(url) : undefined;
	if (inline) return inline;
	throw new ParameterValidationError(
		FIELD,
		`${label} is given by URL, not as data; Dataoorts takes images as data only`,
	);
}

/** The image parts of one message, in order. */
export function imageParts(content: MessageContent[], messageNumber: number): ImageContentPart[] {
	return content
		.filter((part): part is ContentFile => part.type === 'file')
		.map((part, index) => {
			const label = `Image ${index + 1} of message ${messageNumber}`;
			return imageContentPart(imageOf(part, label), FIELD, label);
		});
}
