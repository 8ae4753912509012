/**
 * What a generated image is, read from its bytes (the answer's content type is not trusted: the
 * provider's own example tells the two answer shapes apart by it, but proxies rewrite it), and
 * whether it ends where its format says it ends.
 */

export interface ImageKind {
	mimeType: 'image/png' | 'image/jpeg' | 'image/webp';
	extension: 'png' | 'jpg' | 'webp';
	name: 'PNG' | 'JPEG' | 'WebP';
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_END = Buffer.from('IEND', 'latin1');

/** The image format the bytes start with, or undefined. */
export function sniffImage(bytes: Buffer): ImageKind | undefined {
	if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
		return { mimeType: 'image/png', extension: 'png', name: 'PNG' };
	}
	if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
		return { mimeType: 'image/jpeg', extension: 'jpg', name: 'JPEG' };
	}
	if (
		bytes.length >= 12 &&
		bytes.toString('latin1', 0, 4) === 'RIFF' &&
		bytes.toString('latin1', 8, 12) === 'WEBP'
	) {
		return { mimeType: 'image/webp', extension: 'webp', name: 'WebP' };
	}
	return undefined;
}

/** Whether a JPEG ends with its end-of-image marker (trailing zero padding allowed). */
function jpegComplete(bytes: Buffer): boolean {
	let end = bytes.length;
	while (end > 0 && bytes[end - 1] === 0) end--;
	return end >= 4 && bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9;
}

/** Why the image is cut short, or undefined when it is whole. */
export function truncation(bytes: Buffer, kind: ImageKind): string | undefined {
	if (kind.name === 'PNG') {
		// The IEND chunk: 4-byte length, "IEND", 4-byte CRC.
		const at = bytes.lastIndexOf(PNG_END);
		return at >= 12 && at + 8 <= bytes.length ? undefined : 'it has no IEND chunk at its end';
	}
	if (kind.name === 'JPEG') {
		return jpegComplete(bytes) ? undefined : 'it does not end with the end-of-image marker';
	}
	const declared = bytes.readUInt32LE(4) + 8;
	return declared <= bytes.length
		? undefined
		: `its RIFF header declares ${declared} bytes, ${bytes.length} arrived`;
}

/** The first bytes in hex, for an error message about bytes that are no image. */
export function leadingBytes(bytes: Buffer): string {
	const hex = bytes
		.subarray(0, 8)
		.toString('hex')
		.replace(/(..)(?!$)/g, '$1 ');
	return bytes.length > 8 ? `${hex} …` : hex;
}
