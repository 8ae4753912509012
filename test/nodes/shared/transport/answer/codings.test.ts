/** The decoders for compressed answers: whole bodies and streams, each coding and its failures. */
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { BODY_DECODERS, decodeStream } from '../../../../../nodes/shared/transport/answer/codings';

const TEXT = '{"success":true,"response":"héllo, wörld"}';
const PLAIN = Buffer.from(TEXT);

async function readAll(stream: Readable): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

describe('whole bodies', () => {
	test.each([
		['gzip', zlib.gzipSync(PLAIN)],
		['x-gzip', zlib.gzipSync(PLAIN)],
		['br', zlib.brotliCompressSync(PLAIN)],
		['deflate', zlib.deflateSync(PLAIN)],
		['deflate', zlib.deflateRawSync(PLAIN)],
	])('%s decodes back to the text', async (coding, bytes) => {
		const decoded = await BODY_DECODERS[coding](bytes, {});
		expect(decoded.toString('utf8')).toBe(TEXT);
	});

	test('no decoder for a coding it does not know', () => {
		expect(BODY_DECODERS.compress).toBeUndefined();
		expect(BODY_DECODERS.zstd).toBeUndefined();
	});

	test('a body decoding past maxOutputLength fails with ERR_BUFFER_TOO_LARGE', async () => {
		const big = zlib.gzipSync(Buffer.alloc(64 * 1024, 'a'));
		await expect(BODY_DECODERS.gzip(big, { maxOutputLength: 1024 })).rejects.toMatchObject({
			code: 'ERR_BUFFER_TOO_LARGE',
		});
	});

	test('bytes that are not gzip fail to decode', async () => {
		await expect(BODY_DECODERS.gzip(PLAIN, {})).rejects.toThrow();
	});
});

describe('streams', () => {
	test.each([
		['gzip', zlib.gzipSync(PLAIN)],
		['x-gzip', zlib.gzipSync(PLAIN)],
		['br', zlib.brotliCompressSync(PLAIN)],
		['deflate', zlib.deflateSync(PLAIN)],
	])('%s decodes as the bytes arrive, even one byte at a time', async (coding, bytes) => {
		const pieces = [...bytes].map((byte) => Buffer.from([byte]));
		expect(await readAll(decodeStream(Readable.from(pieces), [coding]))).toBe(TEXT);
	});

	test('several codings are undone in the order given', async () => {
		const twice = zlib.brotliCompressSync(zlib.gzipSync(PLAIN));
		expect(await readAll(decodeStream(Readable.from([twice]), ['br', 'gzip']))).toBe(TEXT);
	});

	test('a truncated gzip stream yields what arrived, not a decoding error', async () => {
		const long = Buffer.from('x'.repeat(2000) + TEXT);
		const bytes = zlib.gzipSync(long, { level: 0 });
		const cut = bytes.subarray(0, bytes.length - 200);
		const text = await readAll(decodeStream(Readable.from([cut]), ['gzip']));
		expect(text.length).toBeGreaterThan(1000);
		expect(long.toString().startsWith(text)).toBe(true);
	});

	test("an error of the body reaches the last decoder's output", async () => {
		const body = new Readable({
			read() {
				this.destroy(new Error('socket went away'));
			},
		});
		await expect(readAll(decodeStream(body, ['br', 'gzip']))).rejects.toThrow('socket went away');
	});
});
