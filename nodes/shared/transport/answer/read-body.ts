/**
 * Reading an answer's body: at most the cap, whatever the framing (Content-Length or chunked),
 * decoded when a server or proxy compressed it anyway (gzip, deflate, br; the node asks for
 * none), the cap counting decoded bytes so a compression bomb ends with an error, not with n8n
 * out of memory. A leading UTF-8 byte-order mark is dropped in every framing.
 */
import { DataoortsAnswerError } from '../../errors/errors';
import { BODY_DECODERS } from './codings';

export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

export type Headers = Record<string, string | string[] | undefined>;

/** The codings applied, first to last ("identity" is none). */
export function contentEncodings(headers: Headers): string[] {
	const header = headers['content-encoding'];
	const value = Array.isArray(header) ? header.join(',') : (header ?? '');
	return value
		.split(',')
		.map((coding) => coding.trim().toLowerCase())
		.filter((coding) => coding !== '' && coding !== 'identity');
}

type Body = AsyncIterable<Buffer> & {
	destroy(): unknown;
	on(event: 'error', listener: () => void): unknown;
};

function tooLarge(status: number, maxBytes: number, decoded = '') {
	return new DataoortsAnswerError(
		'DATAOORTS_RESPONSE_TOO_LARGE',
		`Dataoorts answered ${status} with a body larger than the ${maxBytes}-byte limit${decoded}`,
		status,
	);
}

/**
 * At most `maxBytes` of the body as sent; past them it stops reading. A declared length is filled
 * into one buffer of its size as the chunks arrive (one copy: a 1 MiB image is 1 MiB here, not 2);
 * otherwise the chunks are joined once at the end.
 */
async function readCappedBytes(body: Body, headers: Headers, status: number, maxBytes: number) {
	const stop = () => {
		// Closing the body makes it emit an abort error that nobody reads; swallow that one.
		body.on('error', () => {});
		body.destroy();
		return tooLarge(status, maxBytes);
	};
	const declared = Number(headers['content-length']);
	if (Number.isFinite(declared) && declared > maxBytes) throw stop();
	const filled =
		Number.isSafeInteger(declared) && declared >= 0 ? Buffer.allocUnsafe(declared) : undefined;
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of body) {
		if (size + chunk.length > (filled?.length ?? maxBytes)) throw stop();
		if (filled) chunk.copy(filled, size);
		else chunks.push(chunk);
		size += chunk.length;
	}
	return filled ? filled.subarray(0, size) : Buffer.concat(chunks, size);
}

/** What a failed decoding is: a bomb past the cap, or a body that is not what it says. */
function decodeError(error: unknown, coding: string, status: number, maxBytes: number) {
	if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
		return tooLarge(status, maxBytes, ` once decoded (Content-Encoding: ${coding})`);
	return new DataoortsAnswerError(
		'DATAOORTS_INVALID_RESPONSE',
		`Dataoorts answered ${status} with a body that says Content-Encoding: ${coding} but could not be decoded (${(error as Error).message})`,
		status,
	);
}

/** Undoes the codings, last applied first; each result at most `maxBytes` (bombs stop there). */
async function decode(bytes: Buffer, codings: string[], status: number, maxBytes: number) {
	let decoded = bytes;
	for (const coding of [...codings].reverse()) {
		decoded = await BODY_DECODERS[coding](decoded, { maxOutputLength: maxBytes }).catch((error) => {
			throw decodeError(error, coding, status, maxBytes);
		});
	}
	return decoded;
}

/**
 * The body's bytes: at most `maxBytes` as sent and, once decoded, at most `maxBytes` again. A
 * coding the node cannot undo is left as is: the answer's error names it.
 */
export async function readCappedBody(
	body: Body,
	headers: Headers,
	status: number,
	maxBytes: number,
): Promise<Buffer> {
	const bytes = await readCappedBytes(body, headers, status, maxBytes);
	const codings = contentEncodings(headers);
	const decodable =
		codings.length > 0 && codings.every((coding) => Object.hasOwn(BODY_DECODERS, coding));
	return decodable ? await decode(bytes, codings, status, maxBytes) : bytes;
}

/** TextDecoder drops a leading byte-order mark (Buffer#toString keeps it). */
const UTF8 = new TextDecoder('utf-8');

/** The body as text (readCappedBody's bytes), a leading byte-order mark dropped. */
export async function readCappedText(
	body: Body,
	headers: Headers,
	status: number,
	maxBytes: number,
): Promise<string> {
	return UTF8.decode(await readCappedBody(body, headers, status, maxBytes));
}
