// A loopback Dataoorts API for tests and benchmarks. It follows the documented contract
// (the seed page, copied to test/fixtures) and the error envelope of the API reference: Bearer check, the seed's own
// answer for the seed's own request, range checks of every documented hyperparameter, and
// Cloudflare-style `{ success: false, errors: [{ code, message }] }` errors. Faults (rate
// limits, resets, slow answers, HTML pages, broken JSON, huge bodies, redirects) are injected
// per request by a fault plan or by a directive in a message, e.g. "[[fault:429]]".
'use strict';

const http = require('node:http');
const { readFileSync } = require('node:fs');
const path = require('node:path');

const { createAccountLimit } = require('./account-limit');
const { applyHostileFault } = require('./hostile');

const BASE_PATH = '/api/v1';
// Room for a few images as data URIs; larger bodies answer 413 like the real API.
const MAX_REQUEST_BYTES = 16 * 1024 * 1024;

const CATALOG = new Set([
	'google/gemma-3-12b-it',
	'meta/llama-4-scout-17b-16e-instruct',
	'meta/llama-3.3-70b-instruct-fp8-fast',
	'meta/llama-3.1-70b-instruct',
	'meta/llama-3.1-8b-instruct',
	'meta/llama-guard-3-8b',
	'deepseek-ai/deepseek-r1-distill-qwen-32b',
	'qwen/qwen2.5-coder-32b-instruct',
	'qwen/qwq-32b',
]);

// The documented ranges (the seed's table). The server checks them itself, so a test that
// sends a bound proves the real contract accepts it, not only our own validation.
const RANGES = {
	max_tokens: { min: 1, integer: true },
	temperature: { min: 0, max: 5 },
	top_p: { min: 0, max: 2 },
	top_k: { min: 1, max: 50, integer: true },
	seed: { min: 1, max: 9999999999, integer: true },
	repetition_penalty: { min: 0, max: 2 },
	frequency_penalty: { min: 0, max: 2 },
	presence_penalty: { min: 0, max: 2 },
};

/** The seed's example answer: a copy of the provider's page (test/fixtures/README.md). */
const SEED_ANSWER = JSON.parse(
	readFileSync(path.join(__dirname, '../fixtures/seed-answer.json'), 'utf8'),
);

const SEED_MESSAGES = [
	{ role: 'system', content: 'You are an expert deep learning engineer' },
	{ role: 'user', content: 'What is Deep Learning' },
];

function envelopeError(status, code, message) {
	return {
		status,
		body: { result: null, success: false, errors: [{ code, message }], messages: [] },
	};
}

function words(text) {
	return String(text).split(/\s+/).filter(Boolean).length;
}

function contentText(content) {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) {
		return content
			.filter((part) => part && part.type === 'text')
			.map((part) => part.text)
			.join(' ');
	}
	return '';
}

/** Checks a request body against the contract; returns an error answer or undefined. */
function contractError(body, served = CATALOG) {
	if (body === null || typeof body !== 'object')
		return envelopeError(400, 5004, 'Invalid input: body must be a JSON object');
	const { model, data } = body;
	if (typeof model !== 'string' || !/^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/i.test(model)) {
		return envelopeError(
			404,
			7003,
			`Could not route to ${BASE_PATH}, perhaps your object identifier is invalid?`,
		);
	}
	if (!served.has(model)) return envelopeError(400, 5007, `No such model ${model} or task`);
	if (data === null || typeof data !== 'object')
		return envelopeError(400, 5006, "Error: required properties at '/' are 'data'");
	const { messages } = data;
	if (!Array.isArray(messages) || messages.length === 0) {
		return envelopeError(400, 5006, "Error: required properties at '/' are 'messages'");
	}
	for (const [index, message] of messages.entries()) {
		if (!message || !['system', 'user', 'assistant', 'tool'].includes(message.role)) {
			return envelopeError(400, 5006, `Type mismatch of '/messages/${index}/role'`);
		}
		if (typeof message.content !== 'string' && !Array.isArray(message.content)) {
			return envelopeError(
				400,
				5006,
				`Type mismatch of '/messages/${index}/content', 'string' not in 'null'`,
			);
		}
	}
	if ('tools' in data && !Array.isArray(data.tools)) {
		return envelopeError(400, 5006, "Type mismatch of '/tools', 'array' expected");
	}
	for (const [name, range] of Object.entries(RANGES)) {
		if (!(name in data)) continue;
		const value = data[name];
		const ok =
			typeof value === 'number' &&
			Number.isFinite(value) &&
			value >= range.min &&
			(range.max === undefined || value <= range.max) &&
			(!range.integer || Number.isInteger(value));
		if (!ok)
			return envelopeError(
				400,
				5006,
				`Type mismatch of '/${name}', value ${JSON.stringify(value)} out of range`,
			);
	}
	return undefined;
}

/** Tool calls asked for by "[[tool:NAME]]" or "[[tool:NAME:{json args}]]" directives, in order. */
function directiveToolCalls(text) {
	const calls = [];
	for (const match of String(text).matchAll(
		/\[\[tool:([A-Za-z0-9_.-]+)(?::(\{[\s\S]*?\}))?\]\]/g,
	)) {
		let args = {};
		try {
			args = match[2] ? JSON.parse(match[2]) : {};
		} catch {
			args = match[2];
		}
		calls.push({ name: match[1], arguments: args });
	}
	return calls;
}

/**
 * Tool use, for the chat-model sub-node: a tool directive in the last message (a user one) is
 * answered like a model with tools answers, with result.tool_calls = [{ name, arguments }] (no
 * ids) and no text; when the last message is a tool result, the answer quotes it.
 */
function toolTurnAnswer(messages, tools, autoToolCalls) {
	const last = messages[messages.length - 1];
	const usage = (completion) => ({
		completion_tokens: completion,
		prompt_tokens: 1,
		total_tokens: completion + 1,
	});
	if (last.role === 'tool') {
		const response = `Tool ${last.name ?? '?'} said: ${contentText(last.content)}`;
		return {
			errors: [],
			messages: [],
			result: { response, tool_calls: [], usage: usage(words(response)) },
			success: true,
		};
	}
	let toolCalls = last.role === 'user' ? directiveToolCalls(contentText(last.content)) : [];
	// With auto tool calls on (the agent example), a user turn with tools bound calls the first
	// tool, its string arguments filled with the user's text, as a tool-using model would.
	if (
		toolCalls.length === 0 &&
		autoToolCalls &&
		last.role === 'user' &&
		Array.isArray(tools) &&
		tools.length > 0
	) {
		const fn = tools[0].function ?? tools[0];
		toolCalls = [
			{
				name: fn.name,
				arguments: fromSchema(fn.parameters ?? { type: 'object' }, contentText(last.content)),
			},
		];
	}
	if (toolCalls.length === 0) return undefined;
	return {
		errors: [],
		messages: [],
		result: { response: null, tool_calls: toolCalls, usage: usage(1) },
		success: true,
	};
}

function successAnswer(body, autoToolCalls = false) {
	const { messages } = body.data;
	const isSeedRequest =
		body.model === 'google/gemma-3-12b-it' &&
		JSON.stringify(messages) === JSON.stringify(SEED_MESSAGES);
	if (isSeedRequest) return SEED_ANSWER;
	const toolTurn = toolTurnAnswer(messages, body.data.tools, autoToolCalls);
	if (toolTurn) return toolTurn;
	const lastUser = [...messages].reverse().find((message) => message.role === 'user');
	const lastText = lastUser ? contentText(lastUser.content) : '';
	// "[[reply]]<text>" makes the model answer exactly <text> (JSON-mode tests); otherwise it echoes.
	const scripted = lastText.match(/\[\[reply\]\]([\s\S]*)$/);
	let response = scripted ? scripted[1] : `Echo: ${lastText}`;
	const maxTokens = body.data.max_tokens;
	if (typeof maxTokens === 'number' && words(response) > maxTokens) {
		response = response.split(/\s+/).slice(0, maxTokens).join(' ');
	}
	const promptTokens = messages.reduce(
		(sum, message) => sum + words(contentText(message.content)),
		0,
	);
	const completionTokens = words(response);
	// With guided_json, Workers-AI-style upstreams hand back the parsed object (the likely
	// behaviour): a scripted JSON reply is parsed, an echo is shaped after the schema.
	if (body.data.guided_json !== undefined) {
		try {
			response = JSON.parse(response);
		} catch {
			response = fromSchema(body.data.guided_json, response);
		}
	}
	return {
		errors: [],
		messages: [],
		result: {
			response,
			tool_calls: [],
			usage: {
				completion_tokens: completionTokens,
				prompt_tokens: promptTokens,
				total_tokens: promptTokens + completionTokens,
			},
		},
		success: true,
	};
}

/** A value following a (simple) JSON schema, every string in it the given text. */
function fromSchema(schema, text) {
	switch (schema && schema.type) {
		case 'object':
			return Object.fromEntries(
				Object.entries(schema.properties ?? {}).map(([key, property]) => [
					key,
					fromSchema(property, text),
				]),
			);
		case 'array':
			return [fromSchema(schema.items, text)];
		case 'number':
		case 'integer':
			return words(text);
		case 'boolean':
			return true;
		default:
			return text;
	}
}

/** A fault named by a directive in the last user message, e.g. "[[fault:503]]" or "[[fault:slow:300]]". */
function directiveFault(body) {
	const messages = body && body.data && Array.isArray(body.data.messages) ? body.data.messages : [];
	for (const message of messages) {
		const match = contentText(message && message.content).match(
			/\[\[fault:([a-z0-9-]+)(?::([^\]]+))?\]\]/i,
		);
		if (match) return parseFault(match[1], match[2]);
	}
	return undefined;
}

function parseFault(kind, argument) {
	if (/^\d{3}$/.test(kind)) return { kind: 'status', status: Number(kind), retryAfter: argument };
	return { kind, argument };
}

/**
 * @typedef {{ index: number, body: any, attempt: number, key: string }} FaultContext
 * @typedef {{ kind: string, status?: number, retryAfter?: string, argument?: string }} Fault
 * @typedef {{ method: string, url: string, authorization: string | undefined, headers: import('node:http').IncomingHttpHeaders, body: any, rawBody: string, receivedAt: number, remotePort: number, answeredAt?: number, closedEarlyAt?: number, status?: number, fault?: Fault }} RecordedRequest
 */

/**
 * Starts the server on 127.0.0.1 and an ephemeral port. `apiKeys` are further accepted keys (other
 * accounts); `accountLimit` limits each key with a token bucket (./account-limit.js);
 * `extraModels` are ids served beside the catalog, like a model the provider added after it.
 * @param {{ apiKey?: string, apiKeys?: string[], latencyMs?: number, faultPlan?: (context: FaultContext) => (Fault | undefined), port?: number, accountLimit?: import('./account-limit').AccountLimitOptions, extraModels?: string[] }} [options]
 */
async function startDataoortsServer(options = {}) {
	const apiKey = options.apiKey ?? 'test-key';
	const acceptedKeys = new Set([apiKey, ...(options.apiKeys ?? [])]);
	const served = new Set([...CATALOG, ...(options.extraModels ?? [])]);
	/** @type {RecordedRequest[]} */
	const requests = [];
	const attemptsByKey = new Map();
	const sockets = new Set();
	const state = {
		latencyMs: options.latencyMs ?? 0,
		faultPlan: options.faultPlan,
		record: true,
		autoToolCalls: false,
		accountLimit: options.accountLimit ? createAccountLimit(options.accountLimit) : undefined,
	};
	/** Requests answered or in progress; the most handled at once; TCP connections accepted. */
	const stats = { total: 0, inFlight: 0, maxInFlight: 0, connectionsOpened: 0 };

	const server = http.createServer((req, res) => {
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size <= MAX_REQUEST_BYTES + 1) chunks.push(chunk);
		});
		req.on('end', () => {
			const rawBody = Buffer.concat(chunks).toString('utf8');
			/** @type {RecordedRequest} */
			const record = {
				method: req.method ?? '',
				url: req.url ?? '',
				authorization: req.headers.authorization,
				headers: req.headers,
				body: undefined,
				rawBody,
				receivedAt: Date.now(),
				remotePort: req.socket.remotePort ?? 0,
			};
			try {
				record.body = rawBody === '' ? undefined : JSON.parse(rawBody);
			} catch {
				record.body = undefined;
			}
			if (state.record) requests.push(record);
			stats.total += 1;
			stats.inFlight += 1;
			stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
			res.on('close', () => {
				stats.inFlight -= 1;
				if (!res.writableFinished) record.closedEarlyAt = Date.now();
			});
			handle(req, res, record, size).catch((error) => {
				res.destroy(error);
			});
		});
	});
	server.keepAliveTimeout = 60_000;
	server.on('connection', (socket) => {
		stats.connectionsOpened += 1;
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	const send = (res, record, status, body, headers = {}) => {
		record.status = status;
		record.answeredAt = Date.now();
		const text = typeof body === 'string' ? body : JSON.stringify(body);
		res.writeHead(status, {
			'content-type': 'application/json',
			'content-length': Buffer.byteLength(text),
			...headers,
		});
		res.end(text);
	};

	const wait = (ms, res) =>
		new Promise((resolve) => {
			if (ms <= 0) return resolve(undefined);
			const timer = setTimeout(resolve, ms);
			res.on('close', () => {
				clearTimeout(timer);
				resolve(undefined);
			});
		});

	async function handle(req, res, record, size) {
		if (req.url !== BASE_PATH && req.url !== `${BASE_PATH}/`) {
			return send(res, record, 404, envelopeError(404, 7000, `No route for that URI`).body);
		}
		if (req.method !== 'POST')
			return send(res, record, 405, envelopeError(405, 7001, 'Method not allowed').body);
		const bearer = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
		if (!acceptedKeys.has(bearer)) {
			return send(res, record, 401, envelopeError(401, 10000, 'Authentication error').body);
		}
		// The account limit answers at once, before any model work, as a rate limiter in front would.
		const limit = state.accountLimit && state.accountLimit.take(bearer);
		if (limit && limit.limited) {
			record.fault = { kind: 'account-limit', status: 429, retryAfter: limit.retryAfter };
			const headers = limit.retryAfter === undefined ? {} : { 'retry-after': limit.retryAfter };
			const { body } = envelopeError(429, 3036, 'Account limited: too many requests');
			return send(res, record, 429, body, headers);
		}
		if (size > MAX_REQUEST_BYTES)
			return send(res, record, 413, envelopeError(413, 3006, 'Request is too large').body);
		if (record.body === undefined)
			return send(
				res,
				record,
				400,
				envelopeError(400, 5004, 'Invalid input: body is not JSON').body,
			);

		const key = JSON.stringify(record.body.data && record.body.data.messages);
		const attempt = (attemptsByKey.get(key) ?? 0) + 1;
		attemptsByKey.set(key, attempt);
		const fault =
			(state.faultPlan &&
				state.faultPlan({ index: requests.length - 1, body: record.body, attempt, key })) ||
			directiveFault(record.body);
		record.fault = fault;

		await wait(state.latencyMs, res);
		if (res.destroyed) return;
		if (fault) {
			const handled = await applyFault(fault, req, res, record);
			if (handled) return;
		}
		const problem = contractError(record.body, served);
		if (problem) return send(res, record, problem.status, problem.body);
		return send(res, record, 200, successAnswer(record.body, state.autoToolCalls));
	}

	/** Returns true when the fault answered the request. */
	async function applyFault(fault, req, res, record) {
		switch (fault.kind) {
			case 'status': {
				const status = fault.status ?? 500;
				const headers = fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {};
				const codes = {
					400: 5006,
					401: 10000,
					404: 7003,
					408: 3007,
					413: 3006,
					429: 3036,
					500: 7010,
					503: 7010,
				};
				const messages = {
					400: 'Invalid input',
					401: 'Authentication error',
					404: 'Could not route: invalid model',
					408: 'Request timeout',
					413: 'Request is too large',
					429: 'Account limited: too many requests',
					500: 'Internal server error',
					503: 'Service unavailable',
				};
				send(
					res,
					record,
					status,
					envelopeError(status, codes[status] ?? 7010, messages[status] ?? `Status ${status}`).body,
					headers,
				);
				return true;
			}
			case 'reset':
				record.status = 0;
				req.socket.destroy();
				return true;
			case 'slow':
				await wait(Number(fault.argument ?? 1000), res);
				return res.destroyed;
			case 'html':
				record.status = 502;
				record.answeredAt = Date.now();
				res.writeHead(502, { 'content-type': 'text/html' });
				res.end(
					'<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>',
				);
				return true;
			case 'broken-json':
				record.status = 200;
				record.answeredAt = Date.now();
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end('{"errors":[],"messages":[],"result":{"response":"cut of');
				return true;
			case 'huge': {
				// Streams a body larger than any sane cap, without a content-length.
				const total = Number(fault.argument ?? 12 * 1024 * 1024);
				record.status = 200;
				res.writeHead(200, { 'content-type': 'application/json' });
				const chunk = Buffer.alloc(64 * 1024, 'a');
				let sent = 0;
				while (sent < total && !res.destroyed) {
					sent += chunk.length;
					if (!res.write(chunk)) {
						await new Promise((resolve) => {
							const done = () => {
								res.off('drain', done);
								res.off('close', done);
								resolve(undefined);
							};
							res.on('drain', done);
							res.on('close', done);
						});
					}
				}
				res.end();
				return true;
			}
			case 'huge-declared':
				// Declares a body far over any cap, sends a few bytes and stalls: a client that reads
				// before checking the declared length hangs until its timeout.
				record.status = 200;
				res.writeHead(200, {
					'content-type': 'application/json',
					'content-length': String(64 * 1024 * 1024),
				});
				res.write('{"result":');
				await new Promise((resolve) => res.on('close', resolve));
				return true;
			case 'redirect':
				send(res, record, 307, '', { location: fault.argument ?? 'http://127.0.0.1:1/elsewhere' });
				return true;
			case 'success-false':
				send(res, record, 200, envelopeError(200, 5006, 'Model returned an error').body);
				return true;
			default:
				// Hostile upstreams (key echoes, deep and malformed answers): see hostile.js.
				return applyHostileFault(fault, {
					req,
					res,
					send: (status, body, headers) => send(res, record, status, body, headers),
					raw: (status, text, headers) => {
						record.status = status;
						record.answeredAt = Date.now();
						res.writeHead(status, { 'content-length': Buffer.byteLength(text), ...headers });
						res.end(text);
					},
				});
		}
	}

	await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const origin = `http://127.0.0.1:${address.port}`;

	return {
		apiKey,
		origin,
		baseUrl: `${origin}${BASE_PATH}`,
		requests,
		/** Requests that reached the API path (not counting 404s on other paths). */
		get apiRequests() {
			return requests.filter((request) => request.url.startsWith(BASE_PATH));
		},
		stats,
		/** TCP connections open right now. */
		openConnections() {
			return sockets.size;
		},
		setLatency(ms) {
			state.latencyMs = ms;
		},
		setFaultPlan(plan) {
			state.faultPlan = plan;
		},
		/** On: a user turn with tools bound answers with a call of the first tool (agent example). */
		setAutoToolCalls(on) {
			state.autoToolCalls = on;
		},
		/** Benchmarks turn recording off to keep memory flat. */
		setRecording(on) {
			state.record = on;
			state.accountLimit?.setRecording(on);
		},
		/** The account limit in force (records and counts per key), or undefined. */
		get accountLimit() {
			return state.accountLimit;
		},
		/** A token bucket per key from now on (fresh buckets), or none. */
		setAccountLimit(limitOptions) {
			state.accountLimit = limitOptions ? createAccountLimit(limitOptions) : undefined;
			state.accountLimit?.setRecording(state.record);
		},
		reset() {
			requests.length = 0;
			attemptsByKey.clear();
			stats.total = 0;
			stats.maxInFlight = stats.inFlight;
			state.faultPlan = undefined;
			state.autoToolCalls = false;
			state.latencyMs = options.latencyMs ?? 0;
			state.accountLimit = options.accountLimit
				? createAccountLimit(options.accountLimit)
				: undefined;
		},
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise((resolve) => server.close(() => resolve(undefined)));
		},
	};
}

module.exports = { startDataoortsServer, SEED_MESSAGES, CATALOG, RANGES, BASE_PATH };
