/**
 * The account's pause on its own, on jest's fake clock (issue 17): it never outlives the
 * requests waiting for it, it is capped at 3600 s, and a first 429 without Retry-After on an
 * account with no measure neither paces nor pauses. (Engine tests: rate-limit-waits.test.ts.)
 */
import type { AccountGovernor, Ticket } from '../../../../helpers/governor';
import { DataoortsAbortError } from '../../../../../nodes/shared/errors/errors';
import { FAR, useGovernor, watch } from '../../../../helpers/governor';

const setup = useGovernor();
let governor: AccountGovernor;
let logger: { warn: jest.Mock };
beforeEach(() => ({ governor, logger } = setup));

describe('a pause never outlives the requests waiting for it', () => {
	test('a Retry-After no request may wait out fails the waiters and leaves no pause: the next goes at once', async () => {
		const [first] = Array.from({ length: 2 }, () => governor.acquire(FAR) as Ticket);
		governor.settle(first);
		const tickets = Array.from({ length: 31 }, () => governor.acquire(FAR) as Ticket);
		const waiting = watch(governor.acquire(Date.now() + 300_000));
		governor.settle(tickets[0], {
			retryAfterMs: 86_400_000,
			deadline: Date.now() + 300_000,
			logger,
		});
		await Promise.resolve();
		expect((waiting.error as Error).message).toBe(
			"Dataoorts rate-limited this account and asked to wait 86400 s (Retry-After), longer than the 300 s left of this item's Max Rate Limit Wait",
		);
		expect(logger.warn).toHaveBeenCalledWith(
			`${governor.label} is rate limited (429) and asked to wait 86400 s (Retry-After), longer than any of its requests may wait: they fail, no pause is kept, the next request is sent at once`,
		);
		// Nothing learnt from it either: the next request is not paced, it goes now.
		governor.settle(tickets[1]);
		expect(governor.acquire(Date.now() + 1000)).not.toBeInstanceOf(Promise);
	});

	test('a pause held by a patient request is kept, and capped at 3600 s whatever was asked', async () => {
		const [ticket] = [governor.acquire(FAR) as Ticket];
		governor.settle(ticket, { retryAfterMs: 1e12, deadline: FAR, logger });
		const patient = watch(governor.acquire(FAR));
		await jest.advanceTimersByTimeAsync(3_600_000 - 1);
		expect(patient.ticket).toBeUndefined();
		await jest.advanceTimersByTimeAsync(200);
		expect(patient.ticket).toBeDefined();
	});

	test('when the last request waiting on a pause is cancelled, the pause goes with it', async () => {
		const ticket = governor.acquire(FAR) as Ticket;
		governor.settle(ticket, { retryAfterMs: 600_000, deadline: FAR, logger });
		const controller = new AbortController();
		const cancelled = watch(governor.acquire(FAR, controller.signal));
		controller.abort();
		await Promise.resolve();
		expect(cancelled.error).toBeInstanceOf(DataoortsAbortError);
		expect(governor.acquire(Date.now() + 1000)).not.toBeInstanceOf(Promise);
	});
});

test('a first 429 without Retry-After on an account with no measure: no pace, no pause', () => {
	const ticket = governor.acquire(FAR) as Ticket;
	governor.settle(ticket, { deadline: FAR, logger });
	expect(governor.acquire(FAR)).not.toBeInstanceOf(Promise);
	expect(logger.warn).not.toHaveBeenCalled();
});
