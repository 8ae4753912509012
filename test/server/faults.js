// Faults of the loopback Dataoorts server (rate limits, resets, slow answers, HTML pages, broken
// JSON, huge bodies, redirects), injected per request by a fault plan or by a directive in a
// message, e.g. "[[fault:429]]". One handler per kind; unknown kinds go on to ./hostile.js.
'use strict';

const { envelopeError } = require('./contract');
const { applyHostileFault } = require('./hostile');
const { send, sendRaw, wait, drainOrClose } = require('./respond');

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
	await new Promise((resolve) => res.on('close', resolve));
	return true;
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
		record.answeredAt = Date.now();
		res.writeHead(502, { 'content-type': 'text/html' });
		res.end(
			'<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>',
		);
		return true;
	},
	'broken-json'(_fault, { res, record }) {
		record.status = 200;
		record.answeredAt = Date.now();
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
