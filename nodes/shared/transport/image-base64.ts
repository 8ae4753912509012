/**
 * `result.image_base64` read straight out of the answer's bytes: the base64 text is decoded in
 * slices into one buffer of the image's size, so the answer never holds more than the base64
 * text and one copy of the image (JSON.parse would add a string copy of the text, and decoding it
 * a third).
 */

const KEY = Buffer.from('"image_base64"', 'latin1');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Base64 characters decoded per slice: a multiple of 4, small beside any image. */
const SLICE = 64 * 1024;

function isWhitespace(byte: number | undefined): boolean {
	return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/**
 * Where the value of the first `"image_base64"` key lies (the characters between its quotes), if
 * it is a plain string without escapes; otherwise undefined, and the caller parses the whole body.
 * The caller confirms the span is `result.image_base64` by parsing the envelope without it.
 */
export function base64Span(body: Buffer): { start: number; end: number } | undefined {
	let at = body.indexOf(KEY);
	if (at === -1) return undefined;
	at += KEY.length;
	while (isWhitespace(body[at])) at++;
	if (body[at] !== 0x3a) return undefined;
	at++;
	while (isWhitespace(body[at])) at++;
	if (body[at] !== QUOTE) return undefined;
	const start = at + 1;
	const end = body.indexOf(QUOTE, start);
	if (end === -1) return undefined;
	const escape = body.indexOf(BACKSLASH, start);
	return escape !== -1 && escape < end ? undefined : { start, end };
}

function isBase64Character(byte: number): boolean {
	return (
		(byte >= 0x41 && byte <= 0x5a) || // A-Z
		(byte >= 0x61 && byte <= 0x7a) || // a-z
		(byte >= 0x30 && byte <= 0x39) || // 0-9
		byte === 0x2b || // +
		byte === 0x2f // /
	);
}

/** Why the text is not standard base64 (RFC 4648, padding optional), or undefined. */
export function base64Problem(text: Buffer): string | undefined {
	let end = text.length;
	if (end > 0 && text[end - 1] === 0x3d) end--;
	if (end > 0 && text[end - 1] === 0x3d) end--;
	for (let index = 0; index < end; index++) {
		if (!isBase64Character(text[index])) {
			return `it holds ${JSON.stringify(String.fromCharCode(text[index]))} at position ${index}, which base64 does not`;
		}
	}
	if (end % 4 === 1) return `its length (${text.length} characters) is not one base64 can have`;
	return undefined;
}

/** Decodes checked base64 text into one buffer of exactly the image's size. */
export function decodeBase64(text: Buffer): Buffer {
	let digits = text.length;
	while (digits > 0 && text[digits - 1] === 0x3d) digits--;
	const image = Buffer.allocUnsafe(Math.floor((digits * 3) / 4));
	let written = 0;
	for (let from = 0; from < digits; from += SLICE) {
		const slice = text.toString('latin1', from, Math.min(from + SLICE, digits));
		written += image.write(slice, written, 'base64');
	}
	return image.subarray(0, written);
}
