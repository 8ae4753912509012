/** Reading a body on its own: codings undone in order, a corrupt one named, the BOM dropped. */
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

import { readCappedText } from '../../../../../nodes/shared/transport/answer/read-body';

const read = async (bytes: Buffer, headers: Record<string, string>, max = 1024) =>
	await readCappedText(Readable.from([bytes]), headers, 200, max);

test('several codings are undone last applied first', async () => {
	const bytes = zlib.brotliCompressSync(zlib.gzipSync(Buffer.from('{"a":1}')));
	expect(await read(bytes, { 'content-encoding': 'gzip, br' })).toBe('{"a":1}');
	expect(await read(Buffer.from('x'), { 'content-encoding': 'identity' })).toBe('x');
});

test('a body that is not what its coding says is named as such', async () => {
	await expect(read(Buffer.from('plain'), { 'content-encoding': 'gzip' })).rejects.toThrow(
		/^Dataoorts answered 200 with a body that says Content-Encoding: gzip but could not be decoded \(/,
	);
});

test('the byte-order mark goes, a BOM-like character inside stays', async () => {
	const text = '\uFEFF{"a":"\uFEFF"}';
	expect(await read(Buffer.from(text), {})).toBe('{"a":"\uFEFF"}');
	expect(await read(zlib.gzipSync(text), { 'content-encoding': 'gzip' })).toBe('{"a":"\uFEFF"}');
});

test('the cap holds as sent and once decoded', async () => {
	await expect(read(Buffer.alloc(2000), {})).rejects.toThrow('larger than the 1024-byte limit');
	await expect(
		read(zlib.gzipSync(Buffer.alloc(2000)), { 'content-encoding': 'gzip' }),
	).rejects.toThrow('larger than the 1024-byte limit once decoded (Content-Encoding: gzip)');
});
