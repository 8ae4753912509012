/**
 * A streamed answer that a server or proxy compressed anyway (the node asks for no coding): its
 * events decoded as they arrive (gzip, deflate, br), so they still reach the chat one by one. The
 * size cap then counts decoded bytes, as for a whole answer.
 */
import { DataoortsAnswerError } from '../../errors/errors';
import { decodeStream, STREAM_DECODERS, type Readable } from '../answer/codings';
import { contentEncodings, type Headers } from '../answer/read-body';

/** zlib's own failures (a body that is not what its Content-Encoding says) named; others as they are. */
function failureOf(error: unknown, codings: string[], status: number): unknown {
	const code = String((error as { code?: unknown } | null)?.code ?? '');
	const decoding =
		code.startsWith('Z_') || code.startsWith('ERR__') || code.startsWith('ERR_BROTLI');
	if (!decoding) return error;
	return new DataoortsAnswerError(
		'DATAOORTS_INVALID_RESPONSE',
		`Dataoorts streamed an answer that says Content-Encoding: ${codings.join(', ')} but could not be decoded (${(error as Error).message})`,
		status,
	);
}

async function* decoding(decoded: Readable, codings: string[], status: number) {
	try {
		for await (const chunk of decoded) yield chunk as Buffer;
	} catch (error) {
		throw failureOf(error, codings, status);
	}
}

/** The body's bytes as the events were written: decoded where a coding was applied. */
export function decodedBody(
	body: Readable & AsyncIterable<Buffer>,
	headers: Headers,
	status: number,
): AsyncIterable<Buffer> {
	const codings = contentEncodings(headers);
	if (codings.length === 0) return body;
	const unknown = codings.find((coding) => !Object.hasOwn(STREAM_DECODERS, coding));
	if (unknown !== undefined) {
		throw new DataoortsAnswerError(
			'DATAOORTS_INVALID_RESPONSE',
			`Dataoorts streamed an answer with Content-Encoding: ${unknown}, which the node cannot decode`,
			status,
		);
	}
	// Codings were applied first to last: undone last first.
	return decoding(decodeStream(body, [...codings].reverse()), codings, status);
}
