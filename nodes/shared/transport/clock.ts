/** The clock the transport reads and waits on; process-state.ts holds the one in use. */

/** A timer a Clock gave out, only ever handed back to the same Clock. */
export type ClockTimer = unknown;

/** The time the transport reads (ms since the epoch) and the timers it waits on. */
export interface Clock {
	now(): number;
	setTimeout(callback: () => void, ms: number): ClockTimer;
	clearTimeout(timer: ClockTimer): void;
}
