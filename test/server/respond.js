// Answer helpers of the loopback Dataoorts server: each answer is written down in the request's
// record (status, time answered) as it goes out.
'use strict';

const { serverClock } = require('./clock');

/**
 * A JSON answer (or a string as is) with its content-length.
 * @param {import('node:http').ServerResponse} res
 * @param {import('./dataoorts-server').RecordedRequest} record
 */
function send(res, record, status, body, headers = {}) {
	record.status = status;
	record.answeredAt = serverClock.now();
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

/**
 * A text answer with only the given headers beside its content-length.
 * @param {import('node:http').ServerResponse} res
 * @param {import('./dataoorts-server').RecordedRequest} record
 */
function sendRaw(res, record, status, text, headers) {
	record.status = status;
	record.answeredAt = serverClock.now();
	res.writeHead(status, { 'content-length': Buffer.byteLength(text), ...headers });
	res.end(text);
}

/**
 * Bytes as the answer, framed with a content-length or chunked (in two chunks, split after the
 * first byte, so that nothing can rely on a whole prefix arriving at once).
 * @param {import('node:http').ServerResponse} res
 * @param {import('./dataoorts-server').RecordedRequest} record
 * @param {Buffer} body
 */
function sendFramed(res, record, status, body, headers, chunked) {
	record.status = status;
	record.answeredAt = serverClock.now();
	if (!chunked) {
		res.writeHead(status, { ...headers, 'content-length': body.length });
		return res.end(body);
	}
	res.writeHead(status, headers);
	res.write(body.subarray(0, 1));
	res.end(body.subarray(1));
}

/** Waits `ms` on the server's clock, or less if the answer closes first. */
async function wait(ms, res) {
	if (ms > 0) await serverClock.park(ms, res);
}

/** Until `res` drains or closes. */
function drainOrClose(res) {
	return new Promise((resolve) => {
		const done = () => {
			res.off('drain', done);
			res.off('close', done);
			resolve(undefined);
		};
		res.on('drain', done);
		res.on('close', done);
	});
}

module.exports = { send, sendRaw, sendFramed, wait, drainOrClose };
