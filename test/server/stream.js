// Streaming answers of the loopback Dataoorts server, as Workers AI streams (Dataoorts documents
// none): for a request with `data.stream: true`, `text/event-stream` events
// `data: {"response": "<piece>"}`, a last event with usage (and tool calls), then `data: [DONE]`.
// Settings (control.setStreaming) choose the pieces, their timing and framing, and the ways an
// upstream goes wrong: it ignores `stream`, refuses it (400), breaks off, or never says [DONE].
'use strict';

const { serverClock } = require('./clock');

const zlib = require('node:zlib');

const { envelopeError } = require('./contract');
const { send, wait } = require('./respond');

/**
 * @typedef {{
 *   mode?: 'sse' | 'ignore' | 'reject' | 'break-before' | 'break-after' | 'no-done',
 *   pieces?: number | string[],
 *   firstDelayMs?: number,
 *   intervalMs?: number,
 *   breakAfter?: number,
 *   framing?: 'lf' | 'crlf' | 'cr',
 *   bytewise?: boolean,
 *   comments?: boolean,
 *   multiline?: boolean,
 *   times?: number,
 *   encoding?: 'gzip' | 'deflate' | 'br',
 * }} StreamSettings
 */

/** `text` cut into `count` pieces of about equal length (fewer only when it is shorter), whole characters. */
function cut(text, count) {
	const chars = Array.from(text);
	const pieces = Math.max(1, Math.min(count, chars.length));
	return Array.from({ length: pieces }, (_, index) =>
		chars
			.slice(
				Math.floor((index * chars.length) / pieces),
				Math.floor(((index + 1) * chars.length) / pieces),
			)
			.join(''),
	);
}

/** One event's bytes: its data (on two `data:` lines when multiline), the chosen line ending. */
function frame(data, settings) {
	const eol = { lf: '\n', crlf: '\r\n', cr: '\r' }[settings.framing ?? 'lf'];
	const comment = settings.comments ? `: keep-alive${eol}` : '';
	const split = settings.multiline ? data.indexOf(':') + 1 : 0;
	const lines =
		split > 0 ? [`data: ${data.slice(0, split)}`, `data:${data.slice(split)}`] : [`data: ${data}`];
	return `${comment}${lines.join(eol)}${eol}${eol}`;
}

const ENCODERS = {
	gzip: () => zlib.createGzip(),
	deflate: () => zlib.createDeflate(),
	br: () => zlib.createBrotliCompress(),
};

/**
 * Where the events go: the answer as is, each byte on its own (`bytewise`), or through a
 * compressor flushed after every event (`encoding`). Each write resolves once it is handed to the
 * socket, so a break-off cuts after it.
 */
function sinkOf(res, settings) {
	const encoder = settings.encoding && ENCODERS[settings.encoding]();
	if (encoder) {
		encoder.pipe(res);
		return {
			write: (text) => new Promise((resolve) => encoder.write(text, () => encoder.flush(resolve))),
			end: () => encoder.end(),
		};
	}
	const write = async (text) => {
		if (!settings.bytewise) return await new Promise((resolve) => res.write(text, resolve));
		for (const byte of Buffer.from(text, 'utf8')) {
			if (res.destroyed) return;
			res.write(Buffer.from([byte]));
			await new Promise((resolve) => setImmediate(resolve));
		}
	};
	return { write, end: () => res.end() };
}

/**
 * Answers a streaming request. `answer` is the success envelope the request would get whole.
 * Returns false when the request is to be answered whole (mode 'ignore').
 * @param {StreamSettings} settings
 */
async function streamAnswer(answer, settings, { req, res, record }) {
	// `times`: the mode holds for that many streaming requests, then streams as usual.
	const mode = settings.times === 0 ? 'sse' : (settings.mode ?? 'sse');
	if (settings.times !== undefined && settings.times > 0) settings.times -= 1;
	if (mode === 'ignore') return false;
	if (mode === 'reject') {
		const refusal = envelopeError(400, 5006, "Type mismatch of '/stream', unknown property");
		send(res, record, refusal.status, refusal.body);
		return true;
	}
	const { response, usage, tool_calls: toolCalls } = answer.result;
	const text =
		typeof response === 'string' ? response : response == null ? '' : JSON.stringify(response);
	const pieces = Array.isArray(settings.pieces) ? settings.pieces : cut(text, settings.pieces ?? 8);
	record.status = 200;
	record.pieces = [];
	const encoding = settings.encoding ? { 'content-encoding': settings.encoding } : {};
	res.writeHead(200, {
		'content-type': 'text/event-stream',
		'cache-control': 'no-cache',
		...encoding,
	});
	const sink = sinkOf(res, settings);
	res.flushHeaders();
	if (mode === 'break-before') {
		req.socket.destroy();
		return true;
	}
	await wait(settings.firstDelayMs ?? 0, res);
	for (const [index, piece] of pieces.entries()) {
		if (res.destroyed) return true;
		if (index > 0) await wait(settings.intervalMs ?? 0, res);
		if (mode === 'break-after' && index === (settings.breakAfter ?? 1)) {
			req.socket.destroy();
			return true;
		}
		record.pieces.push({ text: piece, at: performance.now() });
		await sink.write(frame(JSON.stringify({ response: piece }), settings));
	}
	const last = {
		response: '',
		usage,
		...(toolCalls && toolCalls.length ? { tool_calls: toolCalls } : {}),
	};
	await sink.write(frame(JSON.stringify(last), settings));
	if (mode !== 'no-done') await sink.write(frame('[DONE]', settings));
	record.answeredAt = serverClock.now();
	sink.end();
	return true;
}

module.exports = { streamAnswer, cut };
