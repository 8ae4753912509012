// A loopback Dataoorts API for tests and benchmarks: the HTTP plumbing. It reads and records each
// request, routes it, checks the Bearer key and the account limit (./account-limit.js), then
// answers as a fault says (./faults.js, ./hostile.js) or as the documented contract does
// (./contract.js: range checks, the seed's own answer, Cloudflare-style error envelopes). The
// object it resolves to (the record and the knobs) is built in ./control.js.
'use strict';

const { serverClock } = require('./clock');

const http = require('node:http');

const contract = require('./contract');
const { createContext, controls } = require('./control');
const { applyFault } = require('./faults');
const { imageAnswer, IMAGE_MODELS } = require('./images');
const { send, sendRaw, wait } = require('./respond');
const { streamAnswer } = require('./stream');

const { BASE_PATH, CATALOG, RANGES, SEED_MESSAGES, envelopeError } = contract;
// Room for a few images as data URIs; larger bodies answer 413 like the real API.
const MAX_REQUEST_BYTES = 16 * 1024 * 1024;

/**
 * @typedef {{ index: number, body: any, attempt: number, key: string }} FaultContext
 * @typedef {{ kind: string, status?: number, retryAfter?: string, argument?: string }} Fault
 * @typedef {{ method: string, url: string, authorization: string | undefined, headers: import('node:http').IncomingHttpHeaders, body: any, rawBody: string, receivedAt: number, remotePort: number, answeredAt?: number, closedEarlyAt?: number, status?: number, fault?: Fault }} RecordedRequest
 * @typedef {{ apiKey?: string, apiKeys?: string[], latencyMs?: number, faultPlan?: (context: FaultContext) => (Fault | undefined), port?: number, accountLimit?: import('./account-limit').AccountLimitOptions, extraModels?: string[], extraImageModels?: string[], imageShape?: 'json' | 'raw' | 'octet', imageBytes?: number }} ServerOptions
 */

/** @typedef {import('./control').ServerContext} ServerContext */

/** @returns {RecordedRequest} */
function recordOf(/** @type {import('node:http').IncomingMessage} */ req, rawBody) {
	/** @type {RecordedRequest} */
	const record = {
		method: req.method ?? '',
		url: req.url ?? '',
		authorization: req.headers.authorization,
		headers: req.headers,
		body: undefined,
		rawBody,
		receivedAt: serverClock.now(),
		remotePort: req.socket.remotePort ?? 0,
	};
	try {
		record.body = rawBody === '' ? undefined : JSON.parse(rawBody);
	} catch {
		record.body = undefined;
	}
	return record;
}

/** Records the request (unless recording is off) and counts it while it is in flight. */
function track(/** @type {ServerContext} */ ctx, res, /** @type {RecordedRequest} */ record) {
	const { stats } = ctx;
	if (ctx.state.record) ctx.requests.push(record);
	stats.total += 1;
	stats.inFlight += 1;
	stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
	res.on('close', () => {
		stats.inFlight -= 1;
		if (!res.writableFinished) record.closedEarlyAt = serverClock.now();
	});
}

/** Reads the body (keeping no more than the limit), then records and answers the request. */
function onRequest(/** @type {ServerContext} */ ctx, req, res) {
	const chunks = [];
	let size = 0;
	req.on('data', (chunk) => {
		size += chunk.length;
		if (size <= MAX_REQUEST_BYTES + 1) chunks.push(chunk);
	});
	req.on('end', () => {
		const record = recordOf(req, Buffer.concat(chunks).toString('utf8'));
		track(ctx, res, record);
		handle(ctx, req, res, record, size).catch((error) => {
			res.destroy(error);
		});
	});
}

/**
 * The answer of a request turned away before any model work: wrong path or method, unknown key,
 * account limited (answered at once, as a rate limiter in front would), too large, not JSON.
 */
function refusal(
	/** @type {ServerContext} */ ctx,
	req,
	/** @type {RecordedRequest} */ record,
	size,
) {
	if (req.url !== BASE_PATH && req.url !== `${BASE_PATH}/`) {
		return envelopeError(404, 7000, `No route for that URI`);
	}
	if (req.method !== 'POST') return envelopeError(405, 7001, 'Method not allowed');
	const bearer = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
	if (!ctx.acceptedKeys.has(bearer)) return envelopeError(401, 10000, 'Authentication error');
	const limit = ctx.state.accountLimit && ctx.state.accountLimit.take(bearer);
	if (limit && limit.limited) {
		record.fault = { kind: 'account-limit', status: 429, retryAfter: limit.retryAfter };
		const headers = limit.retryAfter === undefined ? {} : { 'retry-after': limit.retryAfter };
		return { ...envelopeError(429, 3036, 'Account limited: too many requests'), headers };
	}
	if (size > MAX_REQUEST_BYTES) return envelopeError(413, 3006, 'Request is too large');
	if (record.body === undefined) return envelopeError(400, 5004, 'Invalid input: body is not JSON');
	return undefined;
}

/** The fault for this request: the fault plan's, else a directive's, else none. */
function pickFault(/** @type {ServerContext} */ ctx, /** @type {RecordedRequest} */ record) {
	const data = record.body.data || {};
	const key = JSON.stringify(data.messages ?? data.prompt);
	const attempt = (ctx.attemptsByKey.get(key) ?? 0) + 1;
	ctx.attemptsByKey.set(key, attempt);
	const { faultPlan } = ctx.state;
	const index = ctx.requests.length - 1;
	return (
		(faultPlan && faultPlan({ index, body: record.body, attempt, key })) ||
		contract.directiveFault(record.body)
	);
}

async function handle(/** @type {ServerContext} */ ctx, req, res, record, size) {
	const refused = refusal(ctx, req, record, size);
	if (refused) return send(res, record, refused.status, refused.body, refused.headers);
	const fault = pickFault(ctx, record);
	record.fault = fault;
	await wait(ctx.state.latencyMs, res);
	if (res.destroyed) return;
	if (fault && (await applyFault(fault, { req, res, record }))) return;
	// Image models the catalog does not know take any input (their page is not known either).
	const extraImage = ctx.extraImageModels.has(record.body.model);
	const problem = extraImage ? undefined : contract.contractError(record.body, ctx.served);
	if (problem) return send(res, record, problem.status, problem.body);
	if (extraImage || Object.hasOwn(IMAGE_MODELS, record.body.model)) {
		const { imageShape, imageBytes } = ctx.state;
		const [type, body] = imageAnswer(record.body, imageShape, imageBytes);
		return sendRaw(res, record, 200, body, { 'content-type': type });
	}
	const answer = contract.successAnswer(record.body, ctx.state.autoToolCalls);
	// `stream: true` is answered as Workers AI streams, unless the settings say otherwise (./stream.js).
	const io = { req, res, record };
	if (record.body.data.stream === true && (await streamAnswer(answer, ctx.state.streaming, io)))
		return;
	return send(res, record, 200, answer);
}

/**
 * Starts the server on 127.0.0.1 and an ephemeral port. `apiKeys` are further accepted keys (other
 * accounts); `accountLimit` limits each key with a token bucket (./account-limit.js);
 * `extraModels` are ids served beside the catalog, like a model the provider added after it.
 * @param {ServerOptions} [options]
 */
async function startDataoortsServer(options = {}) {
	const ctx = createContext(options);
	const server = http.createServer((req, res) => onRequest(ctx, req, res));
	server.keepAliveTimeout = 60_000;
	server.on('connection', (socket) => {
		ctx.stats.connectionsOpened += 1;
		ctx.sockets.add(socket);
		socket.on('close', () => ctx.sockets.delete(socket));
	});
	await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	return controls(ctx, server, `http://127.0.0.1:${address.port}`);
}

module.exports = { startDataoortsServer, SEED_MESSAGES, CATALOG, RANGES, BASE_PATH };
