/** What the account's governor hears of a 429, and what it says: the errors of the requests it fails, its log lines. */
import { DataoortsRateLimitError } from '../../errors/errors';
import { formatSeconds } from '../../format';

/** The node's logger (n8n's `this.logger`) or anything with its `warn`. */
export interface GovernorLogger {
	warn(message: string): void;
}

/** A 429, as the governor's `settle` learns it: the wait asked, and how long the request that got it may wait. */
export interface RateLimitedAnswer {
	retryAfterMs?: number;
	/** The latest moment the request that got the 429 may still be waiting. */
	deadline: number;
	logger?: GovernorLogger;
}

/** The wait asked, the pause kept for it (0: none), and the wait the request has left. */
export function pauseTooLong(
	askedMs: number,
	pausedMs: number,
	leftMs: number,
): DataoortsRateLimitError {
	const paused =
		pausedMs > 0 ? `: its requests are paused for ${formatSeconds(pausedMs)} more,` : ',';
	return new DataoortsRateLimitError(
		`Dataoorts rate-limited this account and asked to wait ${formatSeconds(askedMs)} (Retry-After)${paused} longer than the ${formatSeconds(Math.max(0, leftMs))} left of this item's Max Rate Limit Wait`,
	);
}

/** A request that waited its whole budget in the queue. */
export function waitedTooLong(waitedMs: number): DataoortsRateLimitError {
	return new DataoortsRateLimitError(
		`Dataoorts rate-limited this account, and the request waited the rest of its Max Rate Limit Wait (${formatSeconds(waitedMs)}) for its turn`,
	);
}

/** The log line of a cut or a pause: how long, then at what rate. */
export function cutNotice(label: string, pausedMs: number, ratePerMs: number): string {
	const perSecond = ratePerMs * 1000;
	const wait =
		pausedMs > 0 ? `pausing its requests for ${formatSeconds(pausedMs)} (Retry-After), then ` : '';
	return `${label} is rate limited (429): ${wait}sending at most ${perSecond.toFixed(perSecond < 10 ? 2 : 1)} requests per second`;
}

/** The log line of a Retry-After no request may wait out. */
export function unheldPauseNotice(label: string, askedMs: number): string {
	return `${label} is rate limited (429) and asked to wait ${formatSeconds(askedMs)} (Retry-After), longer than any of its requests may wait: they fail, no pause is kept, the next request is sent at once`;
}
