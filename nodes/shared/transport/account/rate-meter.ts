/**
 * Measures the rate an account sustains, from its 429 answers. A 429 means the account's bucket
 * was empty when that request arrived; between two such moments, the requests it took are what it
 * refilled, so their count over that time is its rate. Used by the account's governor.
 */

/** While requests queue at the measured rate, it grows this much per second: finds a raised limit... */
export const GROWTH_PER_SECOND = 0.1;
/** ...or this much (about doubling each second) as long as the measure rests on few requests. */
export const FAST_GROWTH_PER_SECOND = 0.7;
export const FEW_REQUESTS = 10;
/** Counted over at least this: fewer requests say little. */
const MIN_SPAN_MS = 1000;
/** At least one request per 5 s: only a request can tell that the account has room again. */
export const MIN_RATE = 1 / 5000;

export class RateMeter {
	/** Requests per ms, once a 429 was seen; undefined until then. */
	rate: number | undefined;

	private seq = 0;
	/** The last cut: sends up to `seq` belong to it, so their 429s do not cut again. */
	private cut = { seq: 0, at: -1 };
	/** What the last measure counted, so late 429s of the same sends can correct it. */
	private counted = { fromSeq: 0, toSeq: 0, accepted: 0, spanMs: 1, floor: 0 };

	/** Numbers one send. */
	sent(now: number): number {
		if (this.cut.at < 0) this.cut.at = now;
		return ++this.seq;
	}

	/**
	 * A 429 for send number `seq`. True when it is a new cut (the send left after the last one):
	 * the rate is measured again. A 429 of an earlier send only corrects the last measure.
	 */
	rejected(seq: number, now: number, retryAfterMs: number | undefined): boolean {
		const newCut = seq > this.cut.seq;
		if (newCut) this.recount(seq, now, retryAfterMs);
		else if (seq > this.counted.fromSeq && seq < this.counted.toSeq) {
			this.counted.accepted = Math.max(0, this.counted.accepted - 1);
		} else return false;
		// Nothing answered since the last cut measures nothing: never pace slower than the rate
		// already measured, nor at all before one (the item's backoff spaces its retry), unless
		// a Retry-After gives the pace.
		const measured = this.counted.accepted / this.counted.spanMs;
		if (measured === 0 && this.counted.floor === 0) return false;
		this.rate = Math.max(MIN_RATE, this.counted.floor, measured);
		return newCut;
	}

	/** Requests queued for `elapsedMs` at the measured rate: probe a little above it. */
	grow(elapsedMs: number): void {
		if (this.rate === undefined) return;
		const growth =
			this.counted.accepted < FEW_REQUESTS ? FAST_GROWTH_PER_SECOND : GROWTH_PER_SECOND;
		this.rate *= 1 + (growth * elapsedMs) / 1000;
	}

	/** Back to knowing nothing (the account's limit may have changed). */
	forget(): void {
		this.rate = undefined;
		this.cut = { seq: this.seq, at: -1 };
	}

	private recount(seq: number, now: number, retryAfterMs: number | undefined): void {
		const taken = seq - this.cut.seq - 1;
		const spanMs = now - this.cut.at;
		// Within a second of the last cut, too little was sent to go by: the counts add up.
		const merge = this.rate !== undefined && spanMs < MIN_SPAN_MS;
		// Before the first 429 the account's burst was taken too: spread it over the wait asked.
		const minSpanMs = this.rate === undefined ? Math.max(MIN_SPAN_MS, retryAfterMs ?? 0) : 0;
		this.counted = {
			fromSeq: this.cut.seq,
			toSeq: seq,
			accepted: taken + (merge ? this.counted.accepted : 0),
			spanMs: merge ? this.counted.spanMs + spanMs : Math.max(spanMs, minSpanMs),
			// A Retry-After allows at least one request per wait.
			floor: retryAfterMs ? 1 / retryAfterMs : 0,
		};
		this.cut = { seq: this.seq, at: now };
	}
}
