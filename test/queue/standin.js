'use strict';
/*
 * The loopback Dataoorts stand-in for the queue suite: test/server/dataoorts-server.js with a
 * fixed latency and an account limit (./account-limit.js) shared by every n8n process, and the
 * figures read from its record of every request.
 */
const { startDataoortsServer } = require('../server/dataoorts-server.js');
const { accountLimit } = require('./account-limit');

const API_KEY = 'queue-test-key';

/** @param {{ latencyMs: number, ratePerSecond: number, burst: number }} options */
async function startStandIn(options) {
	const server = await startDataoortsServer({ apiKey: API_KEY, latencyMs: options.latencyMs });
	const standIn = {
		server,
		apiKey: API_KEY,
		baseUrl: server.baseUrl,
		options,
		limit: null,
		/** Forgets the record and starts a fresh (full) bucket. */
		resetRecord() {
			server.reset(); // also drops the fault plan and the latency
			server.setLatency(options.latencyMs);
			standIn.limit = accountLimit({ ratePerSecond: options.ratePerSecond, burst: options.burst });
			server.setFaultPlan(standIn.limit.faultPlan);
		},
		figures: () => figures(server.apiRequests),
		close: () => server.close(),
	};
	standIn.resetRecord();
	return standIn;
}

function promptOf(request) {
	const messages = request.body && request.body.data && request.body.data.messages;
	const last = Array.isArray(messages) ? messages[messages.length - 1] : undefined;
	return last && typeof last.content === 'string' ? last.content : undefined;
}

/**
 * From the record: attempts, 429s, other failures, and per prompt how many attempts were
 * answered 200 (`successes`). Also the most requests received in one second.
 */
function figures(requests) {
	const successes = new Map();
	const statuses = {};
	const perSecond = new Map();
	for (const request of requests) {
		const status = request.status ?? (request.closedEarlyAt ? 'closed' : 'open');
		statuses[status] = (statuses[status] ?? 0) + 1;
		const second = Math.floor(request.receivedAt / 1000);
		perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
		const prompt = promptOf(request);
		if (status === 200 && prompt !== undefined)
			successes.set(prompt, (successes.get(prompt) ?? 0) + 1);
	}
	const answered200 = statuses[200] ?? 0;
	const limited = statuses[429] ?? 0;
	return {
		attempts: requests.length,
		answered200,
		limited,
		other: requests.length - answered200 - limited,
		statuses,
		successes,
		peakPerSecond: Math.max(0, ...perSecond.values()),
	};
}

module.exports = { startStandIn, figures, API_KEY };
