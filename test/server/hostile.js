// Hostile and sloppy upstream behaviours for the loopback Dataoorts server, used through its
// fault plan ({ kind: 'echo-401' }, …) or a "[[fault:deep:400]]" directive. The echo faults put
// the Authorization header the server received everywhere a provider could: error messages,
// message objects, HTML pages, headers, success:false bodies and success answers.
'use strict';

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

/**
 * Answers `fault` if it is a hostile one. Returns true when it answered.
 * @param {{ kind: string, argument?: string }} fault
 * @param {{ req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, send: (status: number, body: unknown, headers?: Record<string, string>) => void, raw: (status: number, text: string, headers: Record<string, string>) => void }} io
 */
function applyHostileFault(fault, io) {
	const auth = String(io.req.headers.authorization ?? '');
	const key = auth.replace(/^Bearer /, '');
	const echoHeaders = { 'x-echo-authorization': auth, 'x-request-key': key };
	switch (fault.kind) {
		case 'echo-401':
			io.send(401, envelope([{ code: 10000, message: `Invalid API key: ${auth}` }]), {
				...echoHeaders,
				'www-authenticate': `Bearer error="invalid_token", token="${key}"`,
			});
			return true;
		case 'echo-400-object':
			io.send(
				400,
				envelope([{ code: 5006, message: { detail: 'bad input', received: { auth, key } } }]),
				echoHeaders,
			);
			return true;
		case 'echo-html-500':
			io.raw(500, `<html><body><h1>Error</h1><pre>authorization: ${auth}</pre></body></html>`, {
				'content-type': `text/html; charset=utf-8; token=${key}`,
				...echoHeaders,
			});
			return true;
		case 'echo-escaped-500':
			// The key spelt in \u escapes: invisible to a search of the raw text.
			io.raw(
				500,
				`{"detail":"${[...key].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"}`,
				{
					'content-type': 'application/json',
				},
			);
			return true;
		case 'echo-success-false':
			io.send(
				200,
				envelope([{ code: 5006, message: `Model refused; you sent ${auth}` }]),
				echoHeaders,
			);
			return true;
		case 'echo-success':
			io.send(
				200,
				{
					...success({
						response: `Your key is ${key}. ${auth}`,
						tool_calls: [{ name: 'leak', arguments: { key } }],
						usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
						[key]: 'a property named after the key',
					}),
					messages: [auth],
				},
				echoHeaders,
			);
			return true;
		case 'json-200':
			io.send(200, { ok: true, note: 'some other service' });
			return true;
		case 'html-200':
			io.raw(200, '<!doctype html><html><body>Welcome to nginx!</body></html>', {
				'content-type': 'text/html',
			});
			return true;
		case 'deep': {
			// "[[fault:deep:400]]": an error envelope whose errors[] nests 100,000 levels.
			const status = Number(fault.argument ?? 400);
			io.raw(status, `{"success":false,"errors":${deepJson(100_000)}}`, {
				'content-type': 'application/json',
			});
			return true;
		}
		case 'deep-response':
			io.raw(
				200,
				`{"success":true,"errors":[],"messages":[],"result":{"response":${deepJson(100_000)}}}`,
				{
					'content-type': 'application/json',
				},
			);
			return true;
		case 'huge-message':
			io.send(400, envelope([{ code: 5006, message: 'x'.repeat(2 * 1024 * 1024) }]));
			return true;
		case 'slow-body': {
			// Headers at once, the body only after `argument` ms: a body timeout, not a headers one.
			io.res.writeHead(200, { 'content-type': 'application/json' });
			io.res.write('{"success":true,"errors":[],"messages":[],');
			const timer = setTimeout(
				() => io.res.end('"result":{"response":"late"}}'),
				Number(fault.argument ?? 1000),
			);
			io.res.on('close', () => clearTimeout(timer));
			return true;
		}
		case 'malformed': {
			const answer = MALFORMED[fault.argument ?? ''];
			if (!answer) throw new Error(`unknown malformed answer ${fault.argument}`);
			io.send(200, answer());
			return true;
		}
		default:
			return false;
	}
}

module.exports = { applyHostileFault, MALFORMED: Object.keys(MALFORMED) };
