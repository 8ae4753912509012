/**
 * The account's governor on its own, on jest's fake clock: who may send when, the shared pause
 * of a Retry-After, pacing, the wait budget, cancellation, the log line, and one governor per
 * account. (Engine tests: test/nodes/Dataoorts/rate-limit.test.ts.)
 */
import {
	DataoortsAbortError,
	DataoortsRateLimitError,
} from '../../../../../nodes/shared/errors/errors';
import { governorFor } from '../../../../../nodes/shared/transport/account/accounts';
import { FAR, KEY, URL_A, useGovernor, watch } from '../../../../helpers/governor';
import type { AccountGovernor, Ticket } from '../../../../helpers/governor';

const setup = useGovernor();
let governor: AccountGovernor;
let logger: { warn: jest.Mock };
beforeEach(() => ({ governor, logger } = setup));

/** 32 sends at once (the cold window), the 21st refused with this Retry-After. */
function coldBurstRefused(retryAfterMs: number | undefined): Ticket[] {
	const tickets = Array.from({ length: 32 }, () => governor.acquire(FAR) as Ticket);
	tickets.forEach((ticket, index) => {
		if (index < 20) governor.settle(ticket);
	});
	governor.settle(tickets[20], { retryAfterMs: retryAfterMs, deadline: FAR, logger });
	return tickets;
}

describe('one governor per account', () => {
	test('same base URL and key → same governor; another key or base URL → another', () => {
		expect(governorFor(new URL(URL_A.href), KEY)).toBe(governor);
		expect(governorFor(URL_A, `${KEY}-2`)).not.toBe(governor);
		expect(governorFor(new URL('https://proxy.example.com/api/v1'), KEY)).not.toBe(governor);
	});

	test('the key is not kept: the governor names the account by a hash of it', () => {
		expect(governor.label).toMatch(
			/^Dataoorts account [0-9a-f]{8} at https:\/\/cloud\.dataoorts\.com$/,
		);
		expect(JSON.stringify(governor)).not.toContain(KEY);
		expect(governor.label).not.toContain(KEY.slice(3, 12));
	});
});

test('cold: 32 go at once, the 33rd waits for an answer; answers open the window (slow start)', async () => {
	const tickets = Array.from({ length: 32 }, () => governor.acquire(FAR));
	expect(tickets.every((ticket) => !(ticket instanceof Promise))).toBe(true);
	const waiting = watch(governor.acquire(FAR));
	await Promise.resolve();
	expect(waiting.ticket).toBeUndefined();
	governor.settle(tickets[0] as Ticket);
	await Promise.resolve();
	expect(waiting.ticket).toBeDefined();
	// The answer grew the window by one: another goes at once.
	expect(governor.acquire(FAR)).not.toBeInstanceOf(Promise);
});

test('a Retry-After pauses every request of the account until then; the restart is paced', async () => {
	coldBurstRefused(2000);
	const waiting = [watch(governor.acquire(FAR)), watch(governor.acquire(FAR))];
	await jest.advanceTimersByTimeAsync(1999);
	expect(waiting.every((state) => state.ticket === undefined)).toBe(true);
	await jest.advanceTimersByTimeAsync(1);
	expect(waiting[0].ticket).toBeDefined();
	expect(waiting[1].ticket).toBeUndefined();
	// 20 taken, spread over the 2 s asked: 10 per second, one every 100 ms (less 10% growth).
	await jest.advanceTimersByTimeAsync(99);
	expect(waiting[1].ticket).toBeDefined();
	expect(logger.warn).toHaveBeenCalledTimes(1);
	expect(logger.warn).toHaveBeenCalledWith(
		`${governor.label} is rate limited (429): pausing its requests for 2 s (Retry-After), then sending at most 10.0 requests per second`,
	);
});

test('the other 429s of the same burst neither cut again nor log again', () => {
	const tickets = coldBurstRefused(1000);
	for (const ticket of tickets.slice(21))
		governor.settle(ticket, { retryAfterMs: 1000, deadline: FAR, logger });
	expect(logger.warn).toHaveBeenCalledTimes(1);
});

test('a pause longer than the wait left fails at once, naming the wait asked for', async () => {
	const tickets = coldBurstRefused(60_000);
	expect(() => governor.acquire(Date.now() + 45_000)).toThrow(DataoortsRateLimitError);
	expect(() => governor.acquire(Date.now() + 45_000)).toThrow(
		"Dataoorts rate-limited this account and asked to wait 60 s (Retry-After): its requests are paused for 60 s more, longer than the 45 s left of this item's Max Rate Limit Wait",
	);
	// A request already waiting fails at once too when a longer pause comes, which is logged.
	const patient = watch(governor.acquire(Date.now() + 90_000));
	governor.settle(tickets[31], { retryAfterMs: 120_000, deadline: FAR, logger });
	await Promise.resolve();
	expect((patient.error as Error).message).toContain('asked to wait 120 s (Retry-After)');
	expect(logger.warn).toHaveBeenCalledTimes(2);
	expect(logger.warn).toHaveBeenLastCalledWith(
		expect.stringContaining('pausing its requests for 120 s (Retry-After)'),
	);
});

test('queued past its deadline at the paced rate: fails with the wait it spent', async () => {
	coldBurstRefused(undefined); // 20 per second, no pause
	const turns = Array.from({ length: 30 }, () => watch(governor.acquire(Date.now() + 500)));
	await jest.advanceTimersByTimeAsync(500);
	const failed = turns.filter((turn) => turn.error !== undefined);
	expect(failed.length).toBeGreaterThan(15);
	expect(failed[0].error).toBeInstanceOf(DataoortsRateLimitError);
	expect((failed[0].error as Error).message).toBe(
		'Dataoorts rate-limited this account, and the request waited the rest of its Max Rate Limit Wait (0.5 s) for its turn',
	);
});

test('cancelling ends a wait at once; the others keep their turns', async () => {
	coldBurstRefused(5000);
	const controller = new AbortController();
	const cancelled = watch(governor.acquire(FAR, controller.signal));
	const other = watch(governor.acquire(FAR));
	controller.abort();
	await Promise.resolve();
	expect(cancelled.error).toBeInstanceOf(DataoortsAbortError);
	await jest.advanceTimersByTimeAsync(5000);
	expect(other.ticket).toBeDefined();
	expect(() => governor.acquire(FAR, AbortSignal.abort())).toThrow(DataoortsAbortError);
});

test('"Retry-After: 0" (room now) and failed attempts change nothing', () => {
	const tickets = Array.from({ length: 3 }, () => governor.acquire(FAR) as Ticket);
	governor.settle(tickets[0], { retryAfterMs: 0, deadline: FAR, logger });
	governor.settle(tickets[1]);
	expect(logger.warn).not.toHaveBeenCalled();
	expect(governor.acquire(FAR)).not.toBeInstanceOf(Promise);
});

test('unused for 5 minutes, a governor forgets what it learnt', async () => {
	const tickets = coldBurstRefused(1000);
	for (const ticket of tickets.slice(21))
		governor.settle(ticket, { retryAfterMs: 1000, deadline: FAR, logger });
	await jest.advanceTimersByTimeAsync(2000);
	const first = governor.acquire(FAR) as Ticket;
	const paced = watch(governor.acquire(FAR));
	expect(paced.ticket).toBeUndefined();
	await jest.advanceTimersByTimeAsync(50);
	governor.settle(first);
	governor.settle(paced.ticket!);
	await jest.advanceTimersByTimeAsync(5 * 60_000);
	const burst = Array.from({ length: 32 }, () => governor.acquire(FAR));
	expect(burst.every((ticket) => !(ticket instanceof Promise))).toBe(true);
});
