/**
 * The rate-limit governor of one Dataoorts account (accounts.ts keeps one per account). It only
 * holds requests back, never adds any, so the node's Concurrency stays the ceiling.
 * - Cold (no 429 yet): requests go straight out, at first at most INITIAL_WINDOW in flight.
 * - After a 429: requests are paced at the rate the account was measured to take (RateMeter),
 *   a little faster while they queue, so a raised limit is found again.
 * - A Retry-After pauses every request of the account until then; the restart is paced and
 *   begins at a random point of the first interval.
 */
import { DataoortsAbortError, DataoortsRateLimitError, formatSeconds } from '../errors/errors';
import { MIN_RATE, RateMeter } from './rate-meter';

/** The node's logger (n8n's `this.logger`) or anything with its `warn`. */
export interface GovernorLogger {
	warn(message: string): void;
}

type Logger = GovernorLogger | undefined;

/** One attempt let through (numbered as sent); hand it back to `settle` with its outcome. */
export interface Ticket {
	readonly seq: number;
}

/** An unknown account is not sent more at once: beyond its burst, each would only buy a 429. */
const INITIAL_WINDOW = 32;
/** The restart after a pause or cut begins at a random point of the first interval, within this. */
const MAX_JITTER_MS = 200;
/** Unused this long, a governor forgets what it learnt: the account's limit may have changed. */
const IDLE_RESET_MS = 5 * 60_000;

interface Waiter {
	deadline: number;
	/** Attempts the request made before this wait, for the error's "gave up after". */
	attempts: number;
	resolve(ticket: Ticket): void;
	reject(error: Error): void;
}

export class AccountGovernor {
	private readonly queue: Waiter[] = [];
	private timer: NodeJS.Timeout | undefined;
	private inFlight = 0;
	private window = INITIAL_WINDOW;
	private readonly meter = new RateMeter();
	private nextAt = 0;
	private lastSentAt = 0;
	private pausedUntil = 0;
	private pauseAskedMs = 0;

	/** Names the account in log lines: base URL origin and the start of the key's hash. */
	constructor(readonly label: string) {}

	get idle(): boolean {
		return this.inFlight === 0 && this.queue.length === 0 && Date.now() >= this.pausedUntil;
	}

	/** A ticket now, or a promise of one. Rejects on cancel, or when the wait would pass `deadline`. */
	acquire(deadline: number, signal?: AbortSignal, attempts = 0): Ticket | Promise<Ticket> {
		if (signal?.aborted) throw new DataoortsAbortError();
		const now = Date.now();
		if (this.idle && now - this.lastSentAt > IDLE_RESET_MS) {
			this.meter.forget();
			this.window = INITIAL_WINDOW;
		}
		if (this.queue.length === 0 && this.canSend(now)) return this.take(now);
		if (this.pausedUntil > deadline) {
			throw this.pauseTooLong(deadline - now, now).recordAttempts(attempts);
		}
		return new Promise<Ticket>((resolve, reject) => {
			const onAbort = () => waiter.reject(new DataoortsAbortError());
			const onDeadline = () => {
				const message = `Dataoorts rate-limited this account, and the request waited the rest of its Max Rate Limit Wait (${formatSeconds(deadline - now)}) for its turn`;
				waiter.reject(new DataoortsRateLimitError(message).recordAttempts(attempts));
			};
			// Beyond setTimeout's range (24 days) there is no deadline to watch.
			const timer = deadline - now < 2 ** 31 ? setTimeout(onDeadline, deadline - now) : undefined;
			const done = () => {
				clearTimeout(timer);
				signal?.removeEventListener('abort', onAbort);
				const index = this.queue.indexOf(waiter); // -1 when pump() took it off
				if (index >= 0) this.queue.splice(index, 1);
				if (this.queue.length === 0) clearTimeout(this.timer); // keeps no process alive
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
	 * Gives the ticket back: the answer came (`rateLimited` when it was a 429) or the attempt failed.
	 * A 429 with "Retry-After: 0" says the account has room now: nothing to pause or learn from.
	 */
	settle(ticket: Ticket, rateLimited: boolean, retryAfterMs?: number, logger?: GovernorLogger) {
		this.inFlight -= 1;
		if (rateLimited && retryAfterMs !== 0) this.onRateLimited(ticket, retryAfterMs, logger);
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
		clearTimeout(this.timer);
		this.timer = undefined;
		while (this.queue.length > 0) {
			const now = Date.now();
			const readyAt = Math.max(this.pausedUntil, this.nextAt);
			if (readyAt > now) {
				this.timer = setTimeout(() => this.pump(), readyAt - now);
				return;
			}
			if (!this.canSend(now)) return; // the window is full: the next settle() pumps again
			// Requests are queueing at the measured rate: probe a little above it (not across a pause).
			this.meter.grow(Math.min(now - this.lastSentAt, 2 / (this.meter.rate ?? Infinity)));
			this.queue.shift()!.resolve(this.take(now));
		}
	}

	private onRateLimited(ticket: Ticket, retryAfterMs: number | undefined, logger: Logger): void {
		const now = Date.now();
		const newCut = this.meter.rejected(ticket.seq, now, retryAfterMs);
		// The bucket is empty now: the next request waits one interval (and a random part of one).
		if (newCut) this.nextAt = Math.max(this.nextAt, now + 1 / this.meter.rate! + this.jitter());
		this.pause(now, retryAfterMs, logger, newCut);
	}

	/** Holds every request of the account until the Retry-After; logs a cut or a longer pause. */
	private pause(now: number, retryAfterMs: number | undefined, logger: Logger, cut: boolean) {
		const until = now + (retryAfterMs ?? 0);
		const extended = retryAfterMs !== undefined && until > this.pausedUntil;
		const noticeably = extended && until > this.pausedUntil + 1000;
		if (extended) {
			this.pausedUntil = until;
			this.pauseAskedMs = retryAfterMs;
			this.nextAt = Math.max(this.nextAt, until + this.jitter());
			for (const waiter of [...this.queue])
				if (waiter.deadline < until)
					waiter.reject(
						this.pauseTooLong(waiter.deadline - now, now).recordAttempts(waiter.attempts),
					);
		}
		if (!cut && !noticeably) return;
		const perSecond = (this.meter.rate ?? 0) * 1000;
		const wait =
			this.pausedUntil > now
				? `pausing its requests for ${formatSeconds(this.pausedUntil - now)} (Retry-After), then `
				: '';
		logger?.warn(
			`${this.label} is rate limited (429): ${wait}sending at most ${perSecond.toFixed(perSecond < 10 ? 2 : 1)} requests per second`,
		);
	}

	/** Where the restart begins: not at the same instant as another process sharing the key. */
	private jitter(): number {
		return Math.random() * Math.min(1 / (this.meter.rate ?? MIN_RATE), MAX_JITTER_MS);
	}

	private pauseTooLong(leftMs: number, now: number): DataoortsRateLimitError {
		return new DataoortsRateLimitError(
			`Dataoorts rate-limited this account and asked to wait ${formatSeconds(this.pauseAskedMs)} (Retry-After): its requests are paused for ${formatSeconds(this.pausedUntil - now)} more, longer than the ${formatSeconds(Math.max(0, leftMs))} left of this item's Max Rate Limit Wait`,
		);
	}
}
