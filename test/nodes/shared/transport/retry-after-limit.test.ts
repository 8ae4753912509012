import { DEFAULT_BACKOFF } from '../../../../nodes/shared/transport/retry';
import { pastCapNote, waitsPastCap } from '../../../../nodes/shared/transport/retry-after-limit';

test('only a retryable answer asking for more than the cap ends the request at once', () => {
	const cap = DEFAULT_BACKOFF.retryAfterCapMs;
	expect(waitsPastCap({ retryable: true, retryAfterMs: cap + 1 }, DEFAULT_BACKOFF)).toBe(true);
	expect(waitsPastCap({ retryable: true, retryAfterMs: cap }, DEFAULT_BACKOFF)).toBe(false);
	expect(waitsPastCap({ retryable: true }, DEFAULT_BACKOFF)).toBe(false);
	expect(waitsPastCap({ retryable: false, retryAfterMs: cap * 10 }, DEFAULT_BACKOFF)).toBe(false);
});

test('the note says what was asked and what the limit is', () => {
	expect(pastCapNote({ retryAfterMs: 3_600_000 }, DEFAULT_BACKOFF)).toBe(
		' (not retried: Dataoorts asked to wait 3600 s, longer than the 60 s limit)',
	);
	expect(pastCapNote({ retryAfterMs: 1500 }, { ...DEFAULT_BACKOFF, retryAfterCapMs: 200 })).toBe(
		' (not retried: Dataoorts asked to wait 1500 ms, longer than the 200 ms limit)',
	);
});
