/**
 * One timeout per attempt: the transport's own timer. undici's header and body timers are set
 * past it, as a backstop only; with both equal, undici's coarse timers sometimes fired first
 * and a slow answer was reported as a network fault ("headers took too long").
 */

import { DataoortsError } from '../../errors/errors';

/** How far past the attempt's timer undici's own timers are set. */
export const UNDICI_TIMEOUT_MARGIN_MS = 5_000;

const UNDICI_TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** headersTimeout / bodyTimeout for undici's request options. */
export function undiciTimeouts(timeoutMs: number): { headersTimeout: number; bodyTimeout: number } {
	const backstop = timeoutMs + UNDICI_TIMEOUT_MARGIN_MS;
	return { headersTimeout: backstop, bodyTimeout: backstop };
}

/**
 * Whether a failed attempt ran out of time: the timer fired, undici's backstop fired, or the
 * connection failed only once the whole timeout had passed.
 */
export function isAttemptTimeout(
	error: unknown,
	timerFired: boolean,
	elapsedMs: number,
	timeoutMs: number,
): boolean {
	if (timerFired) return true;
	// An answer that arrived and was classified is reported as what it is.
	if (error instanceof DataoortsError) return false;
	if (elapsedMs >= timeoutMs) return true;
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === 'string' && UNDICI_TIMEOUT_CODES.has(code);
}
