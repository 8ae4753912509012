import { DataoortsAbortError, type DataoortsError } from '../../errors/errors';
import { clock } from '../process-state';

export interface BackoffSettings {
	/** Delay before the first retry, before jitter. */
	baseDelayMs: number;
	/** Ceiling of the exponential delay. */
	maxDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = {
	baseDelayMs: 500,
	maxDelayMs: 10_000,
};

/** How long one item may wait in total on rate limits, unless the caller says (options.maxRateLimitWait). */
export const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 300_000;

/**
 * The longest Retry-After read as asked (about 31 years): longer ones, up to a 400-digit number
 * that would be Infinity, mean the same ("not in any wait an item may have") and are read as this.
 */
export const MAX_RETRY_AFTER_MS = 1e12;

/**
 * Parses Retry-After: delay-seconds or an HTTP date. Undefined when absent, unreadable,
 * negative or a date already past: those get the normal backoff.
 */
export function parseRetryAfter(
	header: string | string[] | undefined,
	now = clock().now(),
): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (value === undefined || value.trim() === '') return undefined;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed))
		return Math.min(MAX_RETRY_AFTER_MS, Math.round(Number(trimmed) * 1000));
	const date = Date.parse(trimmed);
	return Number.isNaN(date) || date <= now ? undefined : Math.min(MAX_RETRY_AFTER_MS, date - now);
}

/**
 * Delay before retry number `retry` (1 for the first retry). A server's Retry-After wins (the
 * caller bounds it by Max Rate Limit Wait); otherwise exponential backoff with "equal jitter":
 * half fixed, half random, so parallel items that failed together do not come back together.
 */
export function retryDelayMs(
	error: Pick<DataoortsError, 'status'> & { retryAfterMs?: number },
	retry: number,
	settings: BackoffSettings = DEFAULT_BACKOFF,
	random: () => number = Math.random,
): number {
	if (error.retryAfterMs !== undefined) return error.retryAfterMs;
	const exponential = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (retry - 1));
	return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/** Waits `ms` on the transport's clock, or rejects with DataoortsAbortError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	if (signal?.aborted) return Promise.reject(new DataoortsAbortError());
	if (ms <= 0) return Promise.resolve();
	return new Promise((resolve, reject) => {
		const onAbort = () => {
			clock().clearTimeout(timer);
			reject(new DataoortsAbortError());
		};
		const timer = clock().setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal?.addEventListener('abort', onAbort, { once: true });
	});
}

/**
 * One item's time spent waiting on rate limits (held by the account's governor, or backing off
 * after a 429 or a Retry-After), against its Max Rate Limit Wait.
 */
export class RateLimitWait {
	waitedMs = 0;

	constructor(readonly maxMs: number) {}

	get leftMs(): number {
		return Math.max(0, this.maxMs - this.waitedMs);
	}

	/** The latest moment the item may still be waiting. */
	deadline(now = clock().now()): number {
		return now + this.leftMs;
	}

	/** Runs `wait` and adds its duration to the total, however it ends. */
	async measure<T>(wait: () => T | Promise<T>): Promise<T> {
		const started = clock().now();
		try {
			return await wait();
		} finally {
			this.waitedMs += clock().now() - started;
		}
	}
}
