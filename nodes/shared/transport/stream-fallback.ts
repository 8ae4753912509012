/**
 * Asking for a stream, and not asking again where it is refused. Dataoorts documents no streaming:
 * `stream: true` goes beside `messages` (Workers AI's form), and an account whose upstream answers
 * 400 naming the `stream` field is asked without it from then on (per process: n8n restarts, or a
 * changed upstream, try again).
 */
import type { DataoortsError } from '../errors/errors';
import type { AccountGovernor } from './governor';

/** Accounts (by their governor: one per account, accounts.ts) that refused `stream`. */
const refusedBy = new WeakSet<AccountGovernor>();

export function refusesStream(governor: AccountGovernor): boolean {
	return refusedBy.has(governor);
}

export function rememberRefusal(governor: AccountGovernor): void {
	refusedBy.add(governor);
}

/** A 400 whose message names the `stream` field: the upstream does not take it. */
export function refusedStream(error: DataoortsError): boolean {
	if (error.status !== 400) return false;
	const texts = [error.message, ...error.providerErrors.map((entry) => entry.message)];
	return texts.some((text) => /\bstream\b/i.test(text));
}

/** The request body with `stream: true` in `data`; a body without `data` is sent as it is. */
export function streamingPayload(body: unknown): string | undefined {
	const data = (body as { data?: unknown } | null)?.data;
	if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
	return JSON.stringify({ ...(body as object), data: { ...data, stream: true } });
}
