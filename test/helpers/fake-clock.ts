/**
 * Fake time for tests that run the transport against the loopback server: one FakeClock that the
 * transport (resetProcessState) and the server (test/server/clock.js) both read. Real loopback I/O
 * goes on; `drive` moves the fake time to the next timer only while every live request of the
 * transport is parked on the server's clock (or none is live), so a run takes what its waits,
 * backoffs and timeouts add up to in fake time, and almost nothing in real time.
 */
import { resetProcessState, type Clock } from '../../nodes/shared/transport';
import { processState } from '../../nodes/shared/transport/process-state';

const { serverClock } = require('../server/clock.js') as {
	serverClock: { parked: number; use(clock?: Clock): void };
};

interface Timer {
	at: number;
	id: number;
	callback: () => void;
}

/** A clock whose time moves only when told; timers run in time order, then in order set. */
export class FakeClock implements Clock {
	private time: number;
	private lastId = 0;
	private readonly timers = new Map<number, Timer>();

	constructor(start = Date.UTC(2026, 0, 1)) {
		this.time = start;
	}

	now(): number {
		return this.time;
	}

	setTimeout(callback: () => void, ms: number): number {
		const id = ++this.lastId;
		this.timers.set(id, { at: this.time + Math.max(0, ms), id, callback });
		return id;
	}

	clearTimeout(timer: unknown): void {
		this.timers.delete(timer as number);
	}

	/** A promise of `ms` passing on this clock. */
	sleep(ms: number): Promise<void> {
		return new Promise((resolve) => this.setTimeout(resolve, ms));
	}

	/** Runs the next timer, moving the time to it when `mayMove`; false when none ran. */
	runNext(mayMove: boolean): boolean {
		let next: Timer | undefined;
		for (const timer of this.timers.values())
			if (next === undefined || timer.at < next.at) next = timer;
		if (next === undefined || (next.at > this.time && !mayMove)) return false;
		this.timers.delete(next.id);
		this.time = Math.max(this.time, next.at);
		next.callback();
		return true;
	}
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Whether every live request of the transport waits on the server's clock. */
function quiet(): boolean {
	let live = 0;
	for (const count of processState.demand.values()) live += count;
	return live <= serverClock.parked;
}

/** Quiet through a few turns of the event loop: nothing is on its way over loopback. */
async function settled(): Promise<boolean> {
	for (let index = 0; index < 4; index += 1) {
		await turn();
		if (!quiet()) return false;
	}
	return true;
}

/** Awaits `work`, moving `clock`'s time whenever the transport and the server only wait on it. */
export async function drive<T>(clock: FakeClock, work: Promise<T>): Promise<T> {
	let done = false;
	const watched = work.finally(() => (done = true));
	watched.catch(() => undefined);
	while (!done) {
		await turn();
		if (done || clock.runNext(false)) continue;
		if (!(await settled()) || done) continue;
		// Nothing to move to: something real (n8n's own work) is still going on.
		if (!clock.runNext(true)) await new Promise((resolve) => setTimeout(resolve, 1));
	}
	return await watched;
}

/** A FakeClock for each test, read by the transport and the loopback server. */
export function useFakeClock(): { current: FakeClock } {
	const holder = {} as { current: FakeClock };
	beforeEach(async () => {
		holder.current = new FakeClock();
		await resetProcessState(holder.current);
		serverClock.use(holder.current);
	});
	afterEach(async () => {
		serverClock.use();
		await resetProcessState();
	});
	return holder;
}
