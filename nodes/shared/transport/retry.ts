import { DataoortsAbortError, type DataoortsError } from '../errors/errors';

export interface BackoffSettings {
	/** Delay before the first retry, before jitter. */
	baseDelayMs: number;
	/** Ceiling of the exponential delay. */
	maxDelayMs: number;
	/** Ceiling of a server's Retry-After, so one answer cannot park an item for an hour. */
	retryAfterCapMs: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = {
	baseDelayMs: 500,
	maxDelayMs: 10_000,
	retryAfterCapMs: 60_000,
};

/**
 * Parses Retry-After: delay-seconds or an HTTP date. Undefined when absent, unreadable or past.
 */
export function parseRetryAfter(
	header: string | string[] | undefined,
	now = Date.now(),
): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (value === undefined || value.trim() === '') return undefined;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const date = Date.parse(trimmed);
	// A past date (or a loosely parsed "-5") says nothing useful: back off as usual, not at once.
	return Number.isNaN(date) || date <= now ? undefined : date - now;
}

/**
 * Delay before retry number `retry` (1 for the first retry). A server's Retry-After wins
 * (capped); otherwise exponential backoff with "equal jitter": half fixed, half random, so
 * parallel items that failed together do not come back together.
 */
export function retryDelayMs(
	error: Pick<DataoortsError, 'status'> & { retryAfterMs?: number },
	retry: number,
	settings: BackoffSettings = DEFAULT_BACKOFF,
	random: () => number = Math.random,
): number {
	if (error.retryAfterMs !== undefined)
		return Math.min(error.retryAfterMs, settings.retryAfterCapMs);
	const exponential = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (retry - 1));
	return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/** Waits `ms`, or rejects with DataoortsAbortError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	if (signal?.aborted) return Promise.reject(new DataoortsAbortError());
	if (ms <= 0) return Promise.resolve();
	return new Promise((resolve, reject) => {
		const onAbort = () => {
			clearTimeout(timer);
			reject(new DataoortsAbortError());
		};
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal?.addEventListener('abort', onAbort, { once: true });
	});
}
