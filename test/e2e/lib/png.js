'use strict';
/*
 * A PNG decoder small enough to trust: every chunk's CRC checked, the image data inflated and its
 * size matched against the header (8-bit RGB or RGBA, no interlace: what the stand-in draws). A file
 * that passes decodes in any viewer.
 */
const zlib = require('zlib');

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** { width, height } of a decodable PNG; throws naming what is wrong. */
function decodePng(bytes) {
	if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('no PNG signature');
	let at = 8;
	let header;
	const data = [];
	for (;;) {
		if (at + 12 > bytes.length) throw new Error(`cut off at byte ${at}`);
		const length = bytes.readUInt32BE(at);
		const type = bytes.toString('latin1', at + 4, at + 8);
		const body = bytes.subarray(at + 8, at + 8 + length);
		const crc = bytes.readUInt32BE(at + 8 + length);
		if (zlib.crc32(bytes.subarray(at + 4, at + 8 + length)) !== crc)
			throw new Error(`${type}: bad CRC`);
		at += 12 + length;
		if (type === 'IHDR')
			header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), colour: body[9] };
		if (type === 'IDAT') data.push(body);
		if (type === 'IEND') break;
	}
	if (!header) throw new Error('no IHDR chunk');
	const channels = header.colour === 6 ? 4 : 3;
	const pixels = zlib.inflateSync(Buffer.concat(data));
	const expected = header.height * (1 + header.width * channels);
	if (pixels.length !== expected)
		throw new Error(`image data is ${pixels.length} bytes, ${expected} expected`);
	return { width: header.width, height: header.height };
}

module.exports = { decodePng };
