/**
 * The request body as the bytes sent, built once per request (every attempt sends the same
 * buffer). Its images (InlineImage) are written as base64 straight into it, a slice at a time,
 * and their bytes let go: an image in flight costs the body (about 1.4 × its size), not also
 * its bytes, a base64 string, a data-URI string and a JSON string of it (about 5 × before).
 */
import { randomUUID } from 'node:crypto';

import { InlineImage } from '../../inline-image';

/** Bytes encoded per slice: a multiple of 3, so the slices' base64 joins up without padding. */
const SLICE_BYTES = 3 * 16 * 1024;

/** Writes `image`'s data URI, quoted, into `target` at `offset`; returns the offset after it. */
function writeImage(target: Buffer, offset: number, image: InlineImage): number {
	let at = target.write(`"${image.prefix}`, offset, 'latin1') + offset;
	for (let from = 0; from < image.bytes.length; from += SLICE_BYTES) {
		const slice = image.bytes.subarray(from, from + SLICE_BYTES).toString('base64');
		at += target.write(slice, at, 'latin1');
	}
	image.release();
	return at + target.write('"', at, 'latin1');
}

/**
 * `body` as JSON: a string when it holds no InlineImage, else a buffer. Each image is first
 * serialised as a placeholder no text can hold (a fresh random id), then written in its place
 * and released: a body is encoded once.
 */
export function encodeBody(body: unknown): string | Buffer {
	const images: InlineImage[] = [];
	const id = randomUUID();
	const json = JSON.stringify(body, (_key, value: unknown) => {
		const url = (value as { url?: unknown } | null)?.url;
		if (!(url instanceof InlineImage)) return value;
		images.push(url);
		return { ...(value as object), url: `${id}-${images.length - 1}` };
	});
	if (images.length === 0) return json;
	const texts: string[] = [];
	let from = 0;
	images.forEach((_image, index) => {
		const placeholder = `"${id}-${index}"`;
		const at = json.indexOf(placeholder, from);
		texts.push(json.slice(from, at));
		from = at + placeholder.length;
	});
	texts.push(json.slice(from));
	const size =
		texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) +
		images.reduce((sum, image) => sum + image.length + 2, 0);
	const payload = Buffer.allocUnsafe(size);
	let offset = payload.write(texts[0], 0);
	images.forEach((image, index) => {
		offset = writeImage(payload, offset, image);
		offset += payload.write(texts[index + 1], offset);
	});
	return payload;
}
