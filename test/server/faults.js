// Faults of the loopback Dataoorts server (rate limits, resets, slow answers, HTML pages, broken
// JSON, huge bodies, redirects), injected per request by a fault plan or by a directive in a
// message, e.g. "[[fault:429]]". One handler per kind; unknown kinds go on to ./hostile.js.
'use strict';

const { serverClock } = require('./clock');

const zlib = require('node:zlib');

const { envelopeError, successAnswer } = require('./contract');
const { applyHostileFault } = require('./hostile');
const { send, sendRaw, sendFramed, wait, drainOrClose } = require('./respond');

/**
 * @typedef {import('./dataoorts-server').Fault} Fault
 * @typedef {{ req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, record: import('./dataoorts-server').RecordedRequest }} FaultIo
 * @typedef {(fault: Fault, io: FaultIo) => boolean | Promise<boolean>} FaultHandler
 */

/** The error code and message the API gives with each status. */
const STATUS_ERRORS = {
	400: [5006, 'Invalid input'],
	401: [10000, 'Authentication error'],
	404: [7003, 'Could not route: invalid model'],
	408: [3007, 'Request timeout'],
	413: [3006, 'Request is too large'],
	429: [3036, 'Account limited: too many requests'],
	500: [7010, 'Internal server error'],
	503: [7010, 'Service unavailable'],
};

/** Streams a body larger than any sane cap, without a content-length. */
async function huge({ argument }, { res, record }) {
	const total = Number(argument ?? 12 * 1024 * 1024);
	record.status = 200;
	res.writeHead(200, { 'content-type': 'application/json' });
	const chunk = Buffer.alloc(64 * 1024, 'a');
	let sent = 0;
	while (sent < total && !res.destroyed) {
		sent += chunk.length;
		if (!res.write(chunk)) await drainOrClose(res);
	}
	res.end();
	return true;
}

/**
 * Declares a body far over any cap, sends a few bytes and stalls: a client that reads before
 * checking the declared length hangs until its timeout.
 */
async function hugeDeclared(_fault, { res, record }) {
	record.status = 200;
	res.writeHead(200, {
		'content-type': 'application/json',
		'content-length': String(64 * 1024 * 1024),
	});
	res.write('{"result":');
	await serverClock.park(Infinity, res);
	return true;
}

/** Content codings a server or proxy may apply unasked; "deflate-raw" is sent as "deflate". */
const ENCODERS = {
	gzip: (bytes) => zlib.gzipSync(bytes),
	deflate: (bytes) => zlib.deflateSync(bytes),
	'deflate-raw': (bytes) => zlib.deflateRawSync(bytes),
	br: (bytes) =>
		zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }),
	// LZW, which nobody decodes any more: binary noise here.
	compress: (bytes) => zlib.deflateRawSync(bytes),
};
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const BOMB_BYTES = 64 * 1024 * 1024;
/** @type {Map<string, Buffer>} */
const bombs = new Map();

/** The answer the request would get, as bytes. */
const answerBytes = (record) => Buffer.from(JSON.stringify(successAnswer(record.body)));

/** "<coding>[:chunked]" → the coding and whether to send chunked. */
function codingOf(argument, fallback) {
	const [coding = fallback, framing] = String(argument ?? fallback).split(':');
	return { coding, chunked: framing === 'chunked', encoding: coding.replace('-raw', '') };
}

/** @type {Record<string, FaultHandler>} */
const FAULTS = {
	status(fault, { res, record }) {
		const status = fault.status ?? 500;
		const headers = fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {};
		const [code, message] = STATUS_ERRORS[status] ?? [7010, `Status ${status}`];
		send(res, record, status, envelopeError(status, code, message).body, headers);
		return true;
	},
	reset(_fault, { req, record }) {
		record.status = 0;
		req.socket.destroy();
		return true;
	},
	async slow({ argument }, { res }) {
		await wait(Number(argument ?? 1000), res);
		return res.destroyed;
	},
	html(_fault, { res, record }) {
		record.status = 502;
		record.answeredAt = serverClock.now();
		res.writeHead(502, { 'content-type': 'text/html' });
		res.end(
			'<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>',
		);
		return true;
	},
	'broken-json'(_fault, { res, record }) {
		record.status = 200;
		record.answeredAt = serverClock.now();
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end('{"errors":[],"messages":[],"result":{"response":"cut of');
		return true;
	},
	huge,
	'huge-declared': hugeDeclared,
	redirect({ argument }, { res, record }) {
		send(res, record, 307, '', { location: argument ?? 'http://127.0.0.1:1/elsewhere' });
		return true;
	},
	// "[[fault:bom:chunked]]" or "bom:length": the answer after a UTF-8 byte-order mark.
	bom({ argument }, { res, record }) {
		const body = Buffer.concat([UTF8_BOM, answerBytes(record)]);
		sendFramed(
			res,
			record,
			200,
			body,
			{ 'content-type': 'application/json' },
			argument === 'chunked',
		);
		return true;
	},
	// "compressed:<coding>[:chunked]": the answer compressed, though the client asked for none.
	compressed({ argument }, { res, record }) {
		const { coding, chunked, encoding } = codingOf(argument, 'gzip');
		const headers = { 'content-type': 'application/json', 'content-encoding': encoding };
		sendFramed(res, record, 200, ENCODERS[coding](answerBytes(record)), headers, chunked);
		return true;
	},
	// "bomb:<coding>": 64 MiB of zeros, compressed to a few kilobytes.
	bomb({ argument }, { res, record }) {
		const { coding, encoding } = codingOf(argument, 'gzip');
		if (!bombs.has(coding)) bombs.set(coding, ENCODERS[coding](Buffer.alloc(BOMB_BYTES, 0x20)));
		const headers = { 'content-type': 'application/json', 'content-encoding': encoding };
		sendFramed(res, record, 200, bombs.get(coding), headers, false);
		return true;
	},
	// An interim "100 Continue" the client never asked for (no Expect header), then the answer.
	continue(_fault, { res, record }) {
		res.writeContinue();
		send(res, record, 200, successAnswer(record.body));
		return true;
	},
	'success-false'(_fault, { res, record }) {
		send(res, record, 200, envelopeError(200, 5006, 'Model returned an error').body);
		return true;
	},
};

/**
 * Answers the request as `fault` says. Returns true when the fault answered it (a slow fault
 * answers nothing: the request goes on unless the client gave up).
 * @param {Fault} fault
 * @param {FaultIo} io
 */
async function applyFault(fault, io) {
	if (Object.hasOwn(FAULTS, fault.kind)) return FAULTS[fault.kind](fault, io);
	// Hostile upstreams (key echoes, deep and malformed answers): see hostile.js.
	const { req, res, record } = io;
	return applyHostileFault(fault, {
		req,
		res,
		send: (status, body, headers) => send(res, record, status, body, headers),
		raw: (status, text, headers) => sendRaw(res, record, status, text, headers),
	});
}

module.exports = { applyFault, FAULTS: Object.keys(FAULTS) };
