/**
 * The decoders for answers a server or proxy compressed anyway (gzip, deflate, br; the node asks
 * for none), whole or streamed. The package's one use of Node's zlib: undici's own decompress
 * interceptor decodes neither raw DEFLATE nor error answers, and names no coding in its errors.
 */
import { pipeline, type Readable } from 'node:stream';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export type { Readable };

type BodyDecoder = (bytes: Buffer, options: zlib.ZlibOptions) => Promise<Buffer>;

const gunzip: BodyDecoder = promisify(zlib.gunzip);
const inflate: BodyDecoder = promisify(zlib.inflate);
const inflateRaw: BodyDecoder = promisify(zlib.inflateRaw);
const brotli: BodyDecoder = promisify(zlib.brotliDecompress);

/** zlib's two-byte header (RFC 1950); servers that say "deflate" send raw DEFLATE too. */
const isZlibWrapped = (bytes: Buffer) =>
	bytes.length >= 2 && (bytes[0] & 0x0f) === 8 && (bytes[0] * 256 + bytes[1]) % 31 === 0;

/** Whole bodies: each decoded output at most `maxOutputLength` (ERR_BUFFER_TOO_LARGE past it). */
export const BODY_DECODERS: Record<string, BodyDecoder> = {
	gzip: gunzip,
	'x-gzip': gunzip,
	br: brotli,
	deflate: async (bytes, options) =>
		await (isZlibWrapped(bytes) ? inflate : inflateRaw)(bytes, options),
};

type StreamDecoder = () => zlib.Gunzip | zlib.Unzip | zlib.BrotliDecompress;

// Sync flushes let a truncated stream end as a broken stream, not as a decoding error.
const FLUSH = { finishFlush: zlib.constants.Z_SYNC_FLUSH };

/** Streamed bodies: decoded as the bytes arrive. */
export const STREAM_DECODERS: Record<string, StreamDecoder> = {
	gzip: () => zlib.createGunzip(FLUSH),
	'x-gzip': () => zlib.createGunzip(FLUSH),
	// Unzip reads the zlib wrapper that "deflate" means (RFC 9110).
	deflate: () => zlib.createUnzip(FLUSH),
	br: () => zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH }),
};

/** `body` through the decoders in order; the last one's output, where every error arrives. */
export function decodeStream(body: Readable, codings: string[]): Readable {
	const decoders = codings.map((coding) => STREAM_DECODERS[coding]());
	// pipeline destroys every stream with the first error, so it reaches the last one.
	pipeline([body, ...decoders], () => {});
	return decoders[decoders.length - 1];
}
