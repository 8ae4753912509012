// An account rate limit for the loopback Dataoorts server: one token bucket per API key, as the
// provider limits each account (about 300 requests per minute). A request finding its bucket
// empty is answered 429 with a Retry-After; every request is recorded, let through or not.
'use strict';

const { serverClock } = require('./clock');

/**
 * @typedef {{ rate: number, burst: number, retryAfter?: 'seconds' | 'none' | string }} AccountLimitOptions
 *   rate: tokens per second; burst: bucket size (also the start level); retryAfter: 'seconds'
 *   (default) sends the whole seconds until the next token, as an HTTP server would; 'none' sends no
 *   header; any other string is sent as is (e.g. '3600' or an HTTP date).
 * @typedef {{ key: string, at: number, allowed: boolean, retryAfter?: string }} LimitRecord
 */

/** @param {AccountLimitOptions} options */
function createAccountLimit(options) {
	const { rate, burst } = options;
	if (!(rate > 0) || !(burst >= 1)) throw new Error('account limit needs rate > 0 and burst >= 1');
	/** @type {Map<string, { tokens: number, at: number }>} */
	const buckets = new Map();
	/** @type {LimitRecord[]} */
	const records = [];
	/** @type {Map<string, { allowed: number, limited: number }>} */
	const totals = new Map();
	let record = true;

	function retryAfterFor(tokens) {
		if (options.retryAfter === 'none') return undefined;
		if (options.retryAfter !== undefined && options.retryAfter !== 'seconds')
			return options.retryAfter;
		return String(Math.max(1, Math.ceil((1 - tokens) / rate)));
	}

	return {
		options,
		/**
		 * Takes a token of `key`'s bucket: not limited, or limited with the Retry-After to answer
		 * (undefined: no header).
		 * @param {string} key
		 * @returns {{ limited: false } | { limited: true, retryAfter: string | undefined }}
		 */
		take(key, now = serverClock.now()) {
			const bucket = buckets.get(key) ?? { tokens: burst, at: now };
			bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * rate);
			bucket.at = now;
			buckets.set(key, bucket);
			const allowed = bucket.tokens >= 1;
			if (allowed) bucket.tokens -= 1;
			const retryAfter = allowed ? undefined : retryAfterFor(bucket.tokens);
			const total = totals.get(key) ?? { allowed: 0, limited: 0 };
			total[allowed ? 'allowed' : 'limited'] += 1;
			totals.set(key, total);
			if (record) records.push({ key, at: now, allowed, retryAfter });
			return allowed ? { limited: false } : { limited: true, retryAfter };
		},
		/** Every request that met the limit, in arrival order. */
		records,
		/** Requests of `key` (or of all keys) let through and answered 429; kept with recording off. */
		counts(key) {
			const all = key === undefined ? [...totals.values()] : [totals.get(key)];
			const allowed = all.reduce((sum, total) => sum + (total?.allowed ?? 0), 0);
			const limited = all.reduce((sum, total) => sum + (total?.limited ?? 0), 0);
			return { allowed, limited, total: allowed + limited };
		},
		/** Benchmarks turn the per-request record off to keep memory flat; counts go on. */
		setRecording(on) {
			record = on;
		},
		reset() {
			buckets.clear();
			records.length = 0;
			totals.clear();
		},
	};
}

module.exports = { createAccountLimit };
