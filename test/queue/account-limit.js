'use strict';
/*
 * An account limit for the loopback Dataoorts stand-in: a token bucket shared by every request
 * that reaches the server, whichever n8n process sent it. Beyond it a request is answered
 * 429 with Retry-After, like the real API's account limit.
 *
 * It plugs into the server's `faultPlan` hook (test/server/dataoorts-server.js), so it can be
 * swapped for the server's own token-bucket option (test/server/account-limit.js) once that lands.
 */

/**
 * @param {{ ratePerSecond?: number, burst?: number, retryAfter?: string, now?: () => number }} [options]
 * @returns {{ faultPlan: (context: { index: number, attempt: number }) => (object | undefined), stats: { allowed: number, limited: number } }}
 */
function accountLimit(options = {}) {
	const rate = options.ratePerSecond ?? 100;
	const burst = options.burst ?? 20;
	const retryAfter = options.retryAfter ?? '1';
	const now = options.now ?? (() => performance.now());
	let tokens = burst;
	let last = now();
	const stats = { allowed: 0, limited: 0 };

	function faultPlan() {
		const t = now();
		tokens = Math.min(burst, tokens + ((t - last) / 1000) * rate);
		last = t;
		if (tokens >= 1) {
			tokens -= 1;
			stats.allowed += 1;
			return undefined;
		}
		stats.limited += 1;
		return { kind: 'status', status: 429, retryAfter };
	}

	return { faultPlan, stats, rate, burst };
}

module.exports = { accountLimit };
