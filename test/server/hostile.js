// Hostile and sloppy upstream behaviours for the loopback Dataoorts server, used through its
// fault plan ({ kind: 'echo-401' }, …) or a "[[fault:deep:400]]" directive. The echo faults put
// the Authorization header the server received everywhere a provider could: error messages,
// message objects, HTML pages, headers, success:false bodies and success answers.
'use strict';

const { serverClock } = require('./clock');

/** 100,000 levels by default: far past any parser's recursion limit. */
function deepJson(levels) {
	return '['.repeat(levels) + ']'.repeat(levels);
}

function envelope(errors, result = null, success = false) {
	return { errors, messages: [], result, success };
}

function success(result) {
	return envelope([], result, true);
}

/** Malformed success answers, by name (the fault's argument). */
const MALFORMED = {
	'empty-result': () => success({}),
	'number-response': () => success({ response: 42 }),
	'object-response': () => success({ response: { text: 'hi' } }),
	'negative-usage': () =>
		success({
			response: 'kept',
			usage: { prompt_tokens: -5, completion_tokens: 3, total_tokens: -2 },
		}),
	'absurd-usage': () =>
		success({
			response: 'kept',
			usage: { prompt_tokens: 1e15, completion_tokens: 2.5, total_tokens: '7' },
		}),
	'tool-calls-string': () => success({ response: 'x', tool_calls: 'get_weather' }),
	'tool-calls-strings': () => success({ response: 'x', tool_calls: ['get_weather'] }),
};

/** "\u0041…": the text spelt in \u escapes, invisible to a search of the raw text. */
function unicodeEscaped(text) {
	return [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
}

/**
 * @typedef {{ req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, send: (status: number, body: unknown, headers?: Record<string, string>) => void, raw: (status: number, text: string, headers: Record<string, string>) => void }} HostileIo
 * @typedef {{ auth: string, key: string, headers: Record<string, string> }} Echo
 *   What the server received (the Authorization header, the key in it) and headers echoing both.
 * @typedef {(fault: { kind: string, argument?: string }, io: HostileIo, echo: Echo) => void} HostileHandler
 */

/** @type {Record<string, HostileHandler>} */
const HOSTILE = {
	'echo-401'(_fault, io, { auth, key, headers }) {
		io.send(401, envelope([{ code: 10000, message: `Invalid API key: ${auth}` }]), {
			...headers,
			'www-authenticate': `Bearer error="invalid_token", token="${key}"`,
		});
	},
	'echo-400-object'(_fault, io, { auth, key, headers }) {
		io.send(
			400,
			envelope([{ code: 5006, message: { detail: 'bad input', received: { auth, key } } }]),
			headers,
		);
	},
	'echo-html-500'(_fault, io, { auth, key, headers }) {
		io.raw(500, `<html><body><h1>Error</h1><pre>authorization: ${auth}</pre></body></html>`, {
			'content-type': `text/html; charset=utf-8; token=${key}`,
			...headers,
		});
	},
	'echo-escaped-500'(_fault, io, { key }) {
		io.raw(500, `{"detail":"${unicodeEscaped(key)}"}`, { 'content-type': 'application/json' });
	},
	'echo-success-false'(_fault, io, { auth, headers }) {
		io.send(200, envelope([{ code: 5006, message: `Model refused; you sent ${auth}` }]), headers);
	},
	'echo-success'(_fault, io, { auth, key, headers }) {
		const answer = success({
			response: `Your key is ${key}. ${auth}`,
			tool_calls: [{ name: 'leak', arguments: { key } }],
			usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
			[key]: 'a property named after the key',
		});
		io.send(200, { ...answer, messages: [auth] }, headers);
	},
	'json-200'(_fault, io) {
		io.send(200, { ok: true, note: 'some other service' });
	},
	'html-200'(_fault, io) {
		io.raw(200, '<!doctype html><html><body>Welcome to nginx!</body></html>', {
			'content-type': 'text/html',
		});
	},
	// "[[fault:deep:400]]": an error envelope whose errors[] nests 100,000 levels.
	deep({ argument }, io) {
		io.raw(Number(argument ?? 400), `{"success":false,"errors":${deepJson(100_000)}}`, {
			'content-type': 'application/json',
		});
	},
	'deep-response'(_fault, io) {
		const text = `{"success":true,"errors":[],"messages":[],"result":{"response":${deepJson(100_000)}}}`;
		io.raw(200, text, { 'content-type': 'application/json' });
	},
	// A number JSON cannot hold (JSON.parse reads it as Infinity) as the reply, or inside it.
	'overflow-response'({ argument }, io) {
		const response = argument === 'object' ? '{"price":1e400}' : '1e400';
		const text = `{"success":true,"errors":[],"messages":[],"result":{"response":${response}}}`;
		io.raw(200, text, { 'content-type': 'application/json' });
	},
	'huge-message'(_fault, io) {
		io.send(400, envelope([{ code: 5006, message: 'x'.repeat(2 * 1024 * 1024) }]));
	},
	// Headers at once, the body only after `argument` ms: a body timeout, not a headers one.
	'slow-body'({ argument }, io) {
		io.res.writeHead(200, { 'content-type': 'application/json' });
		io.res.write('{"success":true,"errors":[],"messages":[],');
		void serverClock.park(Number(argument ?? 1000), io.res).then((passed) => {
			if (passed) io.res.end('"result":{"response":"late"}}');
		});
	},
	malformed({ argument }, io) {
		const answer = MALFORMED[argument ?? ''];
		if (!answer) throw new Error(`unknown malformed answer ${argument}`);
		io.send(200, answer());
	},
};

/**
 * Answers `fault` if it is a hostile one. Returns true when it answered.
 * @param {{ kind: string, argument?: string }} fault
 * @param {HostileIo} io
 */
function applyHostileFault(fault, io) {
	if (!Object.hasOwn(HOSTILE, fault.kind)) return false;
	const auth = String(io.req.headers.authorization ?? '');
	const key = auth.replace(/^Bearer /, '');
	const headers = { 'x-echo-authorization': auth, 'x-request-key': key };
	HOSTILE[fault.kind](fault, io, { auth, key, headers });
	return true;
}

module.exports = {
	applyHostileFault,
	MALFORMED: Object.keys(MALFORMED),
	HOSTILE: Object.keys(HOSTILE),
};
