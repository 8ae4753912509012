// The state of a running loopback Dataoorts server (./dataoorts-server.js) and the object
// startDataoortsServer resolves to: the record of requests, the counters, and the knobs tests
// and benchmarks turn (latency, fault plan, auto tool calls, recording, account limit, reset).
'use strict';

const { createAccountLimit } = require('./account-limit');
const { BASE_PATH, CATALOG } = require('./contract');

/**
 * @typedef {import('./dataoorts-server').ServerOptions} ServerOptions
 * @typedef {import('./dataoorts-server').RecordedRequest} RecordedRequest
 */

/** Everything a running server keeps: its options, its record, its knobs and its sockets. */
function createContext(/** @type {ServerOptions} */ options) {
	const apiKey = options.apiKey ?? 'test-key';
	return {
		options,
		apiKey,
		acceptedKeys: new Set([apiKey, ...(options.apiKeys ?? [])]),
		served: new Set([...CATALOG, ...(options.extraModels ?? [])]),
		/** Image models served beside the catalog's. */
		extraImageModels: new Set(options.extraImageModels ?? []),
		/** @type {RecordedRequest[]} */
		requests: [],
		attemptsByKey: new Map(),
		/** @type {Set<import('node:net').Socket>} */
		sockets: new Set(),
		state: {
			latencyMs: options.latencyMs ?? 0,
			faultPlan: options.faultPlan,
			record: true,
			autoToolCalls: false,
			/** @type {import('./stream').StreamSettings} */
			streaming: {},
			/** How image models answer: 'json' (result.image_base64), 'raw' or 'octet' (bytes). */
			imageShape: options.imageShape ?? 'json',
			/** Image answers padded to this many bytes (0: as small as the PNG is). */
			imageBytes: options.imageBytes ?? 0,
			accountLimit: options.accountLimit ? createAccountLimit(options.accountLimit) : undefined,
		},
		/** Requests answered or in progress; the most handled at once; TCP connections accepted. */
		stats: { total: 0, inFlight: 0, maxInFlight: 0, connectionsOpened: 0 },
	};
}

/** @typedef {ReturnType<typeof createContext>} ServerContext */

function resetServer(/** @type {ServerContext} */ ctx) {
	const { options, state, stats } = ctx;
	ctx.requests.length = 0;
	ctx.attemptsByKey.clear();
	stats.total = 0;
	stats.maxInFlight = stats.inFlight;
	state.faultPlan = undefined;
	state.autoToolCalls = false;
	state.streaming = {};
	state.imageShape = options.imageShape ?? 'json';
	state.imageBytes = options.imageBytes ?? 0;
	state.latencyMs = options.latencyMs ?? 0;
	state.accountLimit = options.accountLimit ? createAccountLimit(options.accountLimit) : undefined;
}

/** What startDataoortsServer resolves to: the record and the knobs of a running server. */
function controls(
	/** @type {ServerContext} */ ctx,
	/** @type {import('node:http').Server} */ server,
	origin,
) {
	const { requests, state } = ctx;
	return {
		apiKey: ctx.apiKey,
		origin,
		baseUrl: `${origin}${BASE_PATH}`,
		requests,
		/** Requests that reached the API path (not counting 404s on other paths). */
		get apiRequests() {
			return requests.filter((request) => request.url.startsWith(BASE_PATH));
		},
		stats: ctx.stats,
		/** TCP connections open right now. */
		openConnections() {
			return ctx.sockets.size;
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
		/** How requests with `stream: true` are answered (./stream.js); {} streams 8 pieces at once. */
		setStreaming(settings) {
			state.streaming = settings ?? {};
		},
		/** How image models answer from now on, and how large their images are. */
		setImageAnswer(shape, bytes = 0) {
			state.imageShape = shape;
			state.imageBytes = bytes;
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
			resetServer(ctx);
		},
		async close() {
			for (const socket of ctx.sockets) socket.destroy();
			await new Promise((resolve) => server.close(() => resolve(undefined)));
		},
	};
}

module.exports = { createContext, controls };
