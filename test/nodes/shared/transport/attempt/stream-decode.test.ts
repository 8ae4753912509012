/** A compressed event stream is decoded as it arrives; a body that is not what it says is named. */
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

import { decodedBody } from '../../../../../nodes/shared/transport/attempt/stream-decode';

async function text(chunks: AsyncIterable<Buffer>): Promise<string> {
	let out = '';
	for await (const chunk of chunks) out += chunk.toString();
	return out;
}

const events = 'data: {"response":"héllo"}\n\ndata: [DONE]\n\n';

test.each([
	['gzip', zlib.gzipSync],
	['x-gzip', zlib.gzipSync],
	['deflate', zlib.deflateSync],
	['br', zlib.brotliCompressSync],
])('%s is decoded', async (coding, compress) => {
	const body = Readable.from([compress(Buffer.from(events))]);
	await expect(text(decodedBody(body, { 'content-encoding': coding }, 200))).resolves.toBe(events);
});

test('gzip then br (two codings) are undone last first; identity is none', async () => {
	const both = zlib.brotliCompressSync(zlib.gzipSync(Buffer.from(events)));
	const body = Readable.from([both]);
	const headers = { 'content-encoding': 'gzip, identity, br' };
	await expect(text(decodedBody(body, headers, 200))).resolves.toBe(events);
});

test('each event flushed by the server comes out before the next is written', async () => {
	const gzip = zlib.createGzip();
	const decoded = decodedBody(
		gzip as unknown as Readable & AsyncIterable<Buffer>,
		{ 'content-encoding': 'gzip' },
		200,
	)[Symbol.asyncIterator]();
	gzip.write('data: one\n\n');
	gzip.flush();
	expect((await decoded.next()).value.toString()).toBe('data: one\n\n');
	gzip.end('data: two\n\n');
	expect((await decoded.next()).value.toString()).toBe('data: two\n\n');
});

test('a body that is not what its Content-Encoding says, or a coding the node cannot undo', async () => {
	const corrupt = Readable.from([Buffer.from('this is not gzip at all')]);
	await expect(text(decodedBody(corrupt, { 'content-encoding': 'gzip' }, 200))).rejects.toThrow(
		'Dataoorts streamed an answer that says Content-Encoding: gzip but could not be decoded',
	);
	expect(() => decodedBody(Readable.from([]), { 'content-encoding': 'compress' }, 200)).toThrow(
		'Content-Encoding: compress, which the node cannot decode',
	);
});
