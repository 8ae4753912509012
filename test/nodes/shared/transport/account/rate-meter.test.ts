import { readFileSync } from 'node:fs';
import path from 'node:path';

import { MAX_PAUSE_MS } from '../../../../../nodes/shared/transport/account/governor';
import {
	FAST_GROWTH_PER_SECOND,
	FEW_REQUESTS,
	GROWTH_PER_SECOND,
	MIN_RATE,
	RateMeter,
} from '../../../../../nodes/shared/transport/account/rate-meter';
import { DEFAULT_BACKOFF } from '../../../../../nodes/shared/transport/request/retry';

const perSecond = (meter: RateMeter) => (meter.rate ?? 0) * 1000;

/** Sends `count` requests at `at`; returns their numbers. */
function send(meter: RateMeter, count: number, at: number): number[] {
	return Array.from({ length: count }, () => meter.sent(at));
}

test('knows nothing before the first 429', () => {
	const meter = new RateMeter();
	send(meter, 50, 0);
	expect(meter.rate).toBeUndefined();
});

test('the first 429: the burst the account took, spread over the wait it asked (at least 1 s)', () => {
	const meter = new RateMeter();
	const seqs = send(meter, 32, 0);
	// The 21st send is the first refused: 20 were taken.
	expect(meter.rejected(seqs[20], 5, 2000)).toBe(true);
	expect(perSecond(meter)).toBe(10);
	const other = new RateMeter();
	send(other, 32, 0);
	expect(other.rejected(21, 5, undefined)).toBe(true);
	expect(perSecond(other)).toBe(20);
});

test('the other 429s of the same burst do not cut again; a late one of a counted send corrects', () => {
	const meter = new RateMeter();
	send(meter, 32, 0);
	meter.rejected(21, 5, 1000);
	// Sends after the first refused one were expected to be refused: nothing changes.
	for (let seq = 22; seq <= 32; seq++) expect(meter.rejected(seq, 6, 1000)).toBe(false);
	expect(perSecond(meter)).toBe(20);
	// A send before it, refused too (answers may arrive out of order): one fewer was taken.
	expect(meter.rejected(19, 7, 1000)).toBe(false);
	expect(perSecond(meter)).toBe(19);
});

test('between two 429s, the sends taken over that time are the rate', () => {
	const meter = new RateMeter();
	send(meter, 32, 0);
	meter.rejected(21, 0, 1000);
	// 45 sends over the next 3 s (a pause of 1 s, then paced), the 46th refused at 3 s.
	const seqs = send(meter, 46, 1500);
	expect(meter.rejected(seqs[45], 3000, 1000)).toBe(true);
	expect(perSecond(meter)).toBe(15);
});

test('a 429 within a second of the last cut adds to its count instead of replacing it', () => {
	const meter = new RateMeter();
	send(meter, 32, 0);
	meter.rejected(21, 0, undefined); // 20 over 1 s (the floor)
	const seqs = send(meter, 2, 100);
	// One more taken, the next refused, 200 ms later: 21 over 1.2 s, not 1 over 0.2 s.
	expect(meter.rejected(seqs[1], 200, undefined)).toBe(true);
	expect(perSecond(meter)).toBeCloseTo(17.5, 5);
});

test('nothing taken: one request per Retry-After; without one, no pace (the backoff spaces the retry)', () => {
	const meter = new RateMeter();
	meter.sent(0);
	meter.rejected(1, 10, 2000);
	expect(perSecond(meter)).toBe(0.5);
	const silent = new RateMeter();
	silent.sent(0);
	expect(silent.rejected(1, 10, undefined)).toBe(false);
	expect(silent.rate).toBeUndefined();
	const slow = new RateMeter();
	slow.sent(0);
	slow.rejected(1, 10, 10 * 60_000);
	expect(slow.rate).toBe(MIN_RATE);
});

test('never slower than measured: a later 429 with nothing taken since keeps the rate', () => {
	const meter = new RateMeter();
	send(meter, 32, 0);
	meter.rejected(21, 0, undefined); // 20 per second
	const [late] = send(meter, 1, 60_000);
	expect(meter.rejected(late, 60_100, undefined)).toBe(false);
	expect(perSecond(meter)).toBe(20);
});

test('grows 10% per second of queueing once measured on enough requests, faster on few', () => {
	const meter = new RateMeter();
	send(meter, 32, 0);
	meter.rejected(21, 0, 1000);
	meter.grow(1000);
	expect(perSecond(meter)).toBeCloseTo(22, 5);
	const few = new RateMeter();
	send(few, 4, 0);
	few.rejected(4, 0, 1000); // 3 taken
	few.grow(1000);
	expect(perSecond(few)).toBeCloseTo(3 * 1.7, 5);
	const cold = new RateMeter();
	cold.grow(1000);
	expect(cold.rate).toBeUndefined();
});

test('forget: back to cold, counting afresh from the next send', () => {
	const meter = new RateMeter();
	send(meter, 32, 0);
	meter.rejected(21, 0, 1000);
	meter.forget();
	expect(meter.rate).toBeUndefined();
	const seqs = send(meter, 11, 600_000);
	expect(meter.rejected(seqs[10], 600_010, 1000)).toBe(true);
	expect(perSecond(meter)).toBe(10);
});

test("the documented figures (docs/limits.md) are the code's: growth per second, the backoff", () => {
	const readme = readFileSync(path.resolve(__dirname, '../../../../../docs/limits.md'), 'utf8');
	expect(readme).toContain(
		`raising it by ${GROWTH_PER_SECOND * 100} % per second while requests queue (${FAST_GROWTH_PER_SECOND * 100} % per second while the measure rests on fewer\n    than ${FEW_REQUESTS} requests)`,
	);
	const { baseDelayMs, maxDelayMs } = DEFAULT_BACKOFF;
	const range = (ms: number) => `${ms / 2000}–${ms / 1000} s`;
	expect(readme).toContain(`next attempt after ${range(baseDelayMs)})`);
	expect(readme).toContain(
		`Exponential backoff with jitter (${range(baseDelayMs)},\n  then ${range(2 * baseDelayMs)}, ${range(4 * baseDelayMs)}, … at most ${maxDelayMs / 1000} s)`,
	);
	expect(readme).toContain(`(at most ${MAX_PAUSE_MS / 1000} s, whatever the\n    header says)`);
});
