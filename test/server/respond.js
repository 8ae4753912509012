// Answer helpers of the loopback Dataoorts server: each answer is written down in the request's
// record (status, time answered) as it goes out.
'use strict';

/**
 * A JSON answer (or a string as is) with its content-length.
 * @param {import('node:http').ServerResponse} res
 * @param {import('./dataoorts-server').RecordedRequest} record
 */
function send(res, record, status, body, headers = {}) {
	record.status = status;
	record.answeredAt = Date.now();
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
	record.answeredAt = Date.now();
	res.writeHead(status, { 'content-length': Buffer.byteLength(text), ...headers });
	res.end(text);
}

/** Waits `ms`, or less if the answer closes first. */
function wait(ms, res) {
	return new Promise((resolve) => {
		if (ms <= 0) return resolve(undefined);
		const timer = setTimeout(resolve, ms);
		res.on('close', () => {
			clearTimeout(timer);
			resolve(undefined);
		});
	});
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

module.exports = { send, sendRaw, wait, drainOrClose };
