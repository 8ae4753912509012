/**
 * Opens a connection to an origin only while a live request to it is waiting.
 *
 * Why: undici 7 puts an HTTP/1 request aborted in flight back in its client's queue and
 * connects again for it, then drops it (nodejs/undici#5845, fix not released). Cancelling 64
 * requests thus opened 64 fresh connections that no request ever used: 64 TLS handshakes
 * against the real API. Attempts hold a lease while they are live and give it back before they
 * abort, so those reconnects find no demand and are refused before any socket is opened.
 */
import { processState } from '../process-state';
import type { buildConnector } from './undici-types';

export interface DemandLease {
	/** Gives the lease back; safe to call more than once. */
	release(): void;
}

/** Marks one live request to `origin` until released. */
export function holdDemand(origin: string): DemandLease {
	const { demand } = processState;
	demand.set(origin, (demand.get(origin) ?? 0) + 1);
	let held = true;
	return {
		release() {
			if (!held) return;
			held = false;
			const left = (demand.get(origin) ?? 1) - 1;
			if (left > 0) demand.set(origin, left);
			else demand.delete(origin);
		},
	};
}

/** Live requests to `origin` (tests). */
export function demandFor(origin: string): number {
	return processState.demand.get(origin) ?? 0;
}

/** The refusal undici's client sees; it fails only requests that were already aborted. */
export class NoDemandError extends Error {
	readonly code = 'DATAOORTS_NO_DEMAND';

	constructor(origin: string) {
		super(`No live request to ${origin}: connection not opened`);
		this.name = 'NoDemandError';
	}
}

/** Wraps undici's connector for one origin's pool. */
export function gatedConnector(
	origin: string,
	connect: buildConnector.connector,
): buildConnector.connector {
	return (options, callback) => {
		if (demandFor(origin) > 0) {
			connect(options, callback);
			return;
		}
		// Asynchronous, as a real connection attempt would be.
		queueMicrotask(() => callback(new NoDemandError(origin), null));
	};
}
