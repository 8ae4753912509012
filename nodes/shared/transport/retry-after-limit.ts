/**
 * Never wait for nothing: when the server's Retry-After is longer than the cap, the capped wait
 * would end before the server is ready, and the retry would only fail again (an hour's
 * Retry-After made one item with Max Retries 3 wait three minutes, then fail). Such an answer
 * ends the request at once. How long is worth waiting is the rate-limit governor's business.
 */
import type { BackoffSettings } from './retry';

export function waitsPastCap(
	error: { retryable: boolean; retryAfterMs?: number },
	settings: BackoffSettings,
): boolean {
	return (
		error.retryable &&
		error.retryAfterMs !== undefined &&
		error.retryAfterMs > settings.retryAfterCapMs
	);
}

function duration(ms: number): string {
	return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** Added to the final error's message, so the user sees why there was no retry. */
export function pastCapNote(error: object, settings: BackoffSettings): string {
	const asked = (error as { retryAfterMs?: number }).retryAfterMs ?? 0;
	return ` (not retried: Dataoorts asked to wait ${duration(asked)}, longer than the ${duration(settings.retryAfterCapMs)} limit)`;
}
