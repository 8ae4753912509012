/**
 * The rate-limit governor of one Dataoorts account (one per account: accounts.ts), on the
 * transport's clock. It only holds requests back, so the node's Concurrency stays the ceiling.
 * - Cold (no 429 yet): requests go straight out, at first at most INITIAL_WINDOW in flight.
 * - After a 429: requests are paced at the rate the account was measured to take (RateMeter),
 *   a little faster while they queue, so a raised limit is found again.
 * - A Retry-After pauses every request of the account until then (at most MAX_PAUSE_MS); the
 *   restart is paced and begins at a random point of the first interval. A pause none of the
 *   requests waiting may wait out fails them at once and is not kept: the next one probes.
 */
import { DataoortsAbortError } from '../../errors/errors';
import type { RateLimitedAnswer } from './governor-messages';
import { cutNotice, pauseTooLong, unheldPauseNotice, waitedTooLong } from './governor-messages';
import type { Clock } from '../clock';
import { MIN_RATE, RateMeter } from './rate-meter';

/** One attempt let through (numbered as sent); hand it back to `settle` with its outcome. */
export type Ticket = { readonly seq: number };
/** A pause is never longer than this, whatever the Retry-After says. */
export const MAX_PAUSE_MS = 3_600_000;

/** An unknown account is not sent more at once: beyond its burst, each would only buy a 429. */
const INITIAL_WINDOW = 32;
/** The restart after a pause or cut begins at a random point of the first interval, within this. */
const MAX_JITTER_MS = 200;
/** Unused this long, a governor forgets what it learnt: the account's limit may have changed. */
const IDLE_RESET_MS = 5 * 60_000;

interface Waiter {
	deadline: number;
	attempts: number; // made before this wait, for the error's "gave up after"
	resolve(ticket: Ticket): void;
	reject(error: Error): void;
}

export class AccountGovernor {
	private readonly queue: Waiter[] = [];
	private timer: unknown; // the clock's
	private inFlight = 0;
	private window = INITIAL_WINDOW;
	private readonly meter = new RateMeter();
	private nextAt = 0;
	private lastSentAt = 0;
	private pausedUntil = 0;
	private pauseAskedMs = 0;

	/** `label` names the account in log lines; `clock` is read on each use (a reset may change it). */
	constructor(
		readonly label: string,
		private readonly clock: () => Clock,
	) {}

	get idle(): boolean {
		return this.inFlight === 0 && this.queue.length === 0 && this.clock().now() >= this.pausedUntil;
	}

	/** A ticket now, or a promise of one. Rejects on cancel, or when the wait would pass `deadline`. */
	acquire(deadline: number, signal?: AbortSignal, attempts = 0): Ticket | Promise<Ticket> {
		if (signal?.aborted) throw new DataoortsAbortError();
		const now = this.clock().now();
		if (this.idle && now - this.lastSentAt > IDLE_RESET_MS) {
			this.meter.forget();
			this.window = INITIAL_WINDOW;
		}
		if (this.queue.length === 0 && this.canSend(now)) return this.take(now);
		if (this.pausedUntil > deadline) {
			const pausedMs = this.pausedUntil - now;
			throw pauseTooLong(this.pauseAskedMs, pausedMs, deadline - now).recordAttempts(attempts);
		}
		return new Promise<Ticket>((resolve, reject) => {
			const onAbort = () => this.leave(waiter, new DataoortsAbortError());
			const waitMs = deadline - now;
			const onDeadline = () => this.leave(waiter, waitedTooLong(waitMs).recordAttempts(attempts));
			// No deadline to watch beyond setTimeout's range (24 days).
			const timer = waitMs < 2 ** 31 ? this.clock().setTimeout(onDeadline, waitMs) : undefined;
			const done = () => {
				this.clock().clearTimeout(timer);
				signal?.removeEventListener('abort', onAbort);
				const index = this.queue.indexOf(waiter); // -1 when pump() took it off
				if (index >= 0) this.queue.splice(index, 1);
				if (this.queue.length === 0) this.clock().clearTimeout(this.timer); // keeps no process alive
			};
			const waiter: Waiter = {
				deadline,
				attempts,
				resolve: (ticket) => (done(), resolve(ticket)),
				reject: (error) => (done(), reject(error)),
			};
			signal?.addEventListener('abort', onAbort, { once: true });
			this.queue.push(waiter);
			this.pump();
		});
	}

	/**
	 * Gives the ticket back: the answer came (`limited` when it was a 429) or the attempt failed.
	 * A 429 with "Retry-After: 0" says the account has room now: nothing to pause or learn from.
	 */
	settle(ticket: Ticket, limited?: RateLimitedAnswer) {
		this.inFlight -= 1;
		if (limited && limited.retryAfterMs !== 0) this.onRateLimited(ticket, limited);
		// Slow start: a full window that is answered grows by one per answer.
		else if (this.meter.rate === undefined && this.inFlight + 1 >= this.window) this.window += 1;
		this.pump();
	}

	private canSend(now: number): boolean {
		if (now < this.pausedUntil || now < this.nextAt) return false;
		return this.meter.rate !== undefined || this.inFlight < this.window;
	}

	private take(now: number): Ticket {
		this.inFlight += 1;
		const { rate } = this.meter;
		// Make up for a late timer, by half an interval at most: no bursts after a lull.
		if (rate !== undefined) this.nextAt = Math.max(this.nextAt, now - 0.5 / rate) + 1 / rate;
		this.lastSentAt = now;
		return { seq: this.meter.sent(now) };
	}

	private pump(): void {
		this.clock().clearTimeout(this.timer);
		this.timer = undefined;
		while (this.queue.length > 0) {
			const now = this.clock().now();
			const readyAt = Math.max(this.pausedUntil, this.nextAt);
			if (readyAt > now) {
				this.timer = this.clock().setTimeout(() => this.pump(), readyAt - now);
				return;
			}
			if (!this.canSend(now)) return; // the window is full: the next settle() pumps again
			// Requests are queueing at the measured rate: probe a little above it (not across a pause).
			this.meter.grow(Math.min(now - this.lastSentAt, 2 / (this.meter.rate ?? Infinity)));
			this.queue.shift()!.resolve(this.take(now));
		}
	}

	/** A waiter gives up (cancelled, or out of time); with nobody left waiting, no pause either. */
	private leave(waiter: Waiter, error: Error): void {
		waiter.reject(error);
		if (this.queue.length === 0 && this.pausedUntil > this.clock().now()) {
			this.pausedUntil = 0;
			this.nextAt = Math.min(this.nextAt, this.clock().now());
		}
	}

	private onRateLimited(ticket: Ticket, answer: RateLimitedAnswer): void {
		const now = this.clock().now();
		const askedMs = answer.retryAfterMs;
		const pauseMs = askedMs === undefined ? undefined : Math.min(askedMs, MAX_PAUSE_MS);
		// Whether anyone waits is judged by the wait asked, as send.ts judges its own item.
		if (askedMs !== undefined && !this.anyoneWaits(now + askedMs, answer.deadline)) {
			// Nobody may wait that long: they fail now, and nothing is paused or learnt from it.
			this.failWaitersBefore(Infinity, askedMs, 0, now);
			answer.logger?.warn(unheldPauseNotice(this.label, askedMs));
			return;
		}
		const newCut = this.meter.rejected(ticket.seq, now, pauseMs);
		// The bucket is empty now: the next request waits one interval (and a random part of one).
		if (newCut) this.nextAt = Math.max(this.nextAt, now + 1 / this.meter.rate! + this.jitter());
		this.pause(now, answer, pauseMs, newCut);
	}

	/** Whether the request that got the 429, or any waiting, may still be waiting at `until`. */
	private anyoneWaits(until: number, deadline: number): boolean {
		return deadline >= until || this.queue.some((waiter) => waiter.deadline >= until);
	}

	/** Holds every request of the account until the Retry-After; logs a cut or a longer pause. */
	private pause(now: number, answer: RateLimitedAnswer, pauseMs: number | undefined, cut: boolean) {
		const until = now + (pauseMs ?? 0);
		const extended = pauseMs !== undefined && until > this.pausedUntil;
		const noticeably = extended && until > this.pausedUntil + 1000;
		if (extended) {
			this.pausedUntil = until;
			this.pauseAskedMs = answer.retryAfterMs!;
			this.nextAt = Math.max(this.nextAt, until + this.jitter());
			this.failWaitersBefore(until, this.pauseAskedMs, until - now, now);
		}
		if (!cut && !noticeably) return;
		answer.logger?.warn(
			cutNotice(this.label, Math.max(0, this.pausedUntil - now), this.meter.rate ?? 0),
		);
	}

	/** Fails the waiters that may not wait until `until`, with the wait asked and the pause kept. */
	private failWaitersBefore(until: number, askedMs: number, pausedMs: number, now: number) {
		for (const waiter of [...this.queue])
			if (waiter.deadline < until)
				waiter.reject(
					pauseTooLong(askedMs, pausedMs, waiter.deadline - now).recordAttempts(waiter.attempts),
				);
	}

	/** Where the restart begins: not at the same instant as another process sharing the key. */
	private jitter(): number {
		return Math.random() * Math.min(1 / (this.meter.rate ?? MIN_RATE), MAX_JITTER_MS);
	}
}
