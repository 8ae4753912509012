/**
 * The account's governor on jest's fake clock, for the governor's unit tests: a fresh governor
 * and logger per test, Math.random at 0 (no jitter), and what a pending acquire came to.
 */
import { resetProcessState } from '../../nodes/shared/transport';
import { governorFor } from '../../nodes/shared/transport/account/accounts';
import type { AccountGovernor, Ticket } from '../../nodes/shared/transport/account/governor';

/** The governor's types, for the governor's tests. */
export type { AccountGovernor, Ticket };

export const URL_A = new URL('https://cloud.dataoorts.com/api/v1');
export const KEY = 'dk-secret-key-0123456789';
/** A deadline no test reaches. */
export const FAR = Number.MAX_SAFE_INTEGER;

/** Sets up each test; read `current` inside tests. */
export function useGovernor() {
	const holder = {} as { governor: AccountGovernor; logger: { warn: jest.Mock } };
	beforeEach(async () => {
		await resetProcessState();
		jest.useFakeTimers({ now: 1_000_000 });
		jest.spyOn(Math, 'random').mockReturnValue(0);
		holder.governor = governorFor(URL_A, KEY);
		holder.logger = { warn: jest.fn() };
	});
	afterEach(() => {
		jest.useRealTimers();
		jest.restoreAllMocks();
	});
	return holder;
}

/** What a pending acquire came to, so far. */
export function watch(turn: Ticket | Promise<Ticket>) {
	const state: { ticket?: Ticket; error?: unknown } = {};
	if (!(turn instanceof Promise)) return { ticket: turn };
	turn.then(
		(ticket) => (state.ticket = ticket),
		(error: unknown) => (state.error = error),
	);
	return state;
}
