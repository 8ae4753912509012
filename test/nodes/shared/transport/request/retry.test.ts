import { DataoortsAbortError } from '../../../../../nodes/shared/errors/errors';
import {
	DEFAULT_BACKOFF,
	MAX_RETRY_AFTER_MS,
	parseRetryAfter,
	retryDelayMs,
	sleep,
} from '../../../../../nodes/shared/transport/request/retry';
import { useFakeClock } from '../../../../helpers/fake-clock';

describe('parseRetryAfter', () => {
	test('delay-seconds', () => {
		expect(parseRetryAfter('3')).toBe(3000);
		expect(parseRetryAfter(' 0 ')).toBe(0);
		expect(parseRetryAfter('1.5')).toBe(1500);
	});

	test('past 10⁹ s (a 400-digit value would be Infinity): read as 10⁹ s, a finite wait', () => {
		expect(parseRetryAfter('9'.repeat(400))).toBe(MAX_RETRY_AFTER_MS);
		expect(parseRetryAfter('1000000001')).toBe(MAX_RETRY_AFTER_MS);
		expect(parseRetryAfter('Fri, 31 Dec 9999 23:59:59 GMT')).toBe(MAX_RETRY_AFTER_MS);
	});

	// Issue 13: a past date gets the normal backoff (it used to mean "now").
	test('HTTP date, relative to now; a past date → undefined (normal backoff)', () => {
		const now = Date.parse('Tue, 24 Nov 2026 12:00:00 GMT');
		expect(parseRetryAfter('Tue, 24 Nov 2026 12:00:07 GMT', now)).toBe(7000);
		expect(parseRetryAfter('Tue, 24 Nov 2026 11:00:00 GMT', now)).toBeUndefined();
		expect(parseRetryAfter('Tue, 24 Nov 2026 12:00:00 GMT', now)).toBeUndefined();
		expect(parseRetryAfter('-5', now)).toBeUndefined();
	});

	test('absent, unreadable or negative → undefined', () => {
		expect(parseRetryAfter(undefined)).toBeUndefined();
		expect(parseRetryAfter('')).toBeUndefined();
		expect(parseRetryAfter('soon')).toBeUndefined();
		expect(parseRetryAfter('-5')).toBeUndefined();
		expect(parseRetryAfter('1e3')).toBeUndefined();
		expect(parseRetryAfter(['2', '9'])).toBe(2000);
	});
});

describe('retryDelayMs', () => {
	test('exponential with equal jitter: between half and all of base × 2^(n-1), capped', () => {
		const low = () => 0;
		const high = () => 1;
		expect([1, 2, 3, 4].map((retry) => retryDelayMs({}, retry, DEFAULT_BACKOFF, low))).toEqual([
			250, 500, 1000, 2000,
		]);
		expect([1, 2, 3, 4].map((retry) => retryDelayMs({}, retry, DEFAULT_BACKOFF, high))).toEqual([
			500, 1000, 2000, 4000,
		]);
		expect(retryDelayMs({}, 20, DEFAULT_BACKOFF, high)).toBe(DEFAULT_BACKOFF.maxDelayMs);
	});

	// Issue 13: no 60 s cap any more; Max Rate Limit Wait bounds a Retry-After (transport tests).
	test('Retry-After wins, as asked', () => {
		expect(retryDelayMs({ retryAfterMs: 2000 }, 1)).toBe(2000);
		expect(retryDelayMs({ retryAfterMs: 3_600_000 }, 1)).toBe(3_600_000);
	});
});

describe('sleep, on the fake clock', () => {
	const clock = useFakeClock();

	test('ends after exactly the time asked', async () => {
		const started = clock.current.now();
		let ended = 0;
		const waiting = sleep(1500).then(() => (ended = clock.current.now()));
		expect(clock.current.runNext(true)).toBe(true);
		await waiting;
		expect(ended - started).toBe(1500);
	});

	test('ends at once when the signal aborts', async () => {
		const controller = new AbortController();
		const started = clock.current.now();
		const waiting = sleep(10_000, controller.signal);
		clock.current.setTimeout(() => controller.abort(), 20);
		clock.current.runNext(true);
		await expect(waiting).rejects.toBeInstanceOf(DataoortsAbortError);
		expect(clock.current.now() - started).toBeLessThan(500);
	});

	test('an already aborted signal rejects without waiting', async () => {
		await expect(sleep(10_000, AbortSignal.abort())).rejects.toBeInstanceOf(DataoortsAbortError);
	});
});
