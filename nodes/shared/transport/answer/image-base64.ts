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

/** What is not a base64 digit (RFC 4648, standard or URL-safe alphabet), padding aside. */
const NON_DIGIT = /[^A-Za-z0-9+/_-]/;

/** The text's digits, without its padding (at most two `=`). */
function digitCount(text: Buffer): number {
	let end = text.length;
	if (end > 0 && text[end - 1] === 0x3d) end--;
	if (end > 0 && text[end - 1] === 0x3d) end--;
	return end;
}

/**
 * Checks base64 text (padding optional) and decodes it in slices into one buffer of exactly the
 * image's size. Returns the image, or why the text is not base64. Node's decoder skips what is
 * not a digit, so a slice that decodes to fewer bytes than its length promises held something
 * else: the check costs nothing on a valid image (a regular expression over every slice cost
 * more than the decoding itself), and only a bad slice is searched for the culprit.
 */
export function decodeBase64(text: Buffer): { image: Buffer } | { problem: string } {
	const digits = digitCount(text);
	const image = Buffer.allocUnsafe(Math.floor((digits * 3) / 4));
	let written = 0;
	for (let from = 0; from < digits; from += SLICE) {
		const slice = text.toString('latin1', from, Math.min(from + SLICE, digits));
		const bytes = image.write(slice, written, 'base64');
		if (bytes !== Math.floor((slice.length * 3) / 4)) {
			const at = NON_DIGIT.exec(slice)?.index ?? 0;
			return {
				problem: `it holds ${JSON.stringify(slice[at])} at position ${from + at}, which base64 does not`,
			};
		}
		written += bytes;
	}
	if (digits % 4 === 1) {
		return { problem: `its length (${text.length} characters) is not one base64 can have` };
	}
	return { image: image.subarray(0, written) };
}
