/**
 * The retry loop: each attempt takes its turn from the account's rate-limit governor, and a
 * failure is retried until one succeeds, the error is final, or the item's budgets are spent
 * (Max Retries for 408/409/5xx, network errors and timeouts; Max Rate Limit Wait for 429s).
 */
import { DataoortsAbortError, type DataoortsError } from '../../errors/errors';
import { formatSeconds } from '../../format';
import type { DataoortsEnvelope } from '../../wire';
import { checkApiKey } from './api-key';
import type { ChatRequest } from './chat-request';
import { attemptOnce, type RawAnswer, type TypedReader } from '../attempt/attempt';
import { checkEndpoint } from './endpoint';
import { encodeBody } from './payload';
import { createRedactor, secretForms } from '../answer/redact';
import { attemptStream } from '../attempt/stream';
import {
	refusedStream,
	refusesStream,
	rememberRefusal,
	withStream,
	withoutStream,
} from '../attempt/stream-fallback';
import { governorFor } from '../account/accounts';
import type { AccountGovernor, Ticket } from '../account/governor';
import { DEFAULT_MAX_RATE_LIMIT_WAIT_MS, RateLimitWait, retryDelayMs, sleep } from './retry';

/** The final error, saying why the item gave up and after how many attempts. */
function giveUp(error: DataoortsError, attempts: number, reason = ''): DataoortsError {
	error.message += reason;
	return error.recordAttempts(attempts);
}

/** Waits for the account's governor to let the next attempt go, within the item's wait budget. */
async function takeTurn(
	governor: AccountGovernor,
	waits: RateLimitWait,
	request: ChatRequest,
	attemptsSoFar: number,
): Promise<Ticket> {
	const turn = governor.acquire(waits.deadline(), request.signal, attemptsSoFar);
	return turn instanceof Promise ? await waits.measure(() => turn) : turn;
}

/** A Retry-After longer than the item may still wait ends it at once, naming the wait asked for. */
function askedTooLong(
	error: DataoortsError,
	attempt: number,
	retryAfterMs: number,
	waits: RateLimitWait,
): DataoortsError {
	return giveUp(
		error,
		attempt,
		`; Dataoorts asked to wait ${formatSeconds(retryAfterMs)} (Retry-After), more than the ${formatSeconds(waits.leftMs)} left of Max Rate Limit Wait (${formatSeconds(waits.maxMs)})`,
	);
}

interface RetryState {
	/** Retries spent on errors other than 429 (bounded by Max Retries). */
	retries: number;
	/** 429 answers so far (bounded by the wait budget only). */
	rateLimited: number;
	waits: RateLimitWait;
}

/** After a 429: the delay before the next attempt, or the final error thrown. */
function delayAfterRateLimit(error: DataoortsError, attempt: number, state: RetryState): number {
	const { waits } = state;
	const retryAfterMs = (error as { retryAfterMs?: number }).retryAfterMs;
	state.rateLimited += 1;
	if (retryAfterMs) {
		// The governor's pause holds the next attempt until then.
		if (retryAfterMs <= waits.leftMs) return 0;
		throw askedTooLong(error, attempt, retryAfterMs, waits);
	}
	// No wait asked (or "0"): the normal backoff, so a 429 is never retried in a tight loop.
	const delayMs = retryDelayMs({}, state.rateLimited);
	if (delayMs <= waits.leftMs) return delayMs;
	throw giveUp(
		error,
		attempt,
		`; still rate limited after waiting ${formatSeconds(waits.waitedMs)} (Max Rate Limit Wait: ${formatSeconds(waits.maxMs)})`,
	);
}

/**
 * After a failed attempt: the delay before the next one, or the final error thrown. A 429 is
 * "come back later": it spends the item's wait budget, not Max Retries.
 */
function delayBeforeRetry(
	error: DataoortsError,
	attempt: number,
	state: RetryState,
	request: ChatRequest,
): number {
	if (error.status === 429 && error.retryable) {
		return delayAfterRateLimit(error, attempt, state);
	}
	if (!error.retryable || state.retries >= request.maxRetries) throw giveUp(error, attempt);
	state.retries += 1;
	const retryAfterMs = (error as { retryAfterMs?: number }).retryAfterMs;
	if (retryAfterMs !== undefined && retryAfterMs > state.waits.leftMs) {
		throw askedTooLong(error, attempt, retryAfterMs, state.waits);
	}
	return retryDelayMs(error, state.retries);
}

/**
 * Sends one request through the account's governor and reads its answer: with `reader` (an image)
 * or as the text envelope (whole, or streamed with onPiece). The final error says how many
 * attempts were made and, where a wait budget ended it, which.
 */
export async function sendRequest<T>(request: ChatRequest, reader?: TypedReader<T>): Promise<T> {
	const { baseUrl, allowInsecureHttp } = request.connection;
	const url = checkEndpoint(baseUrl, allowInsecureHttp);
	// The key as sent, and what scrubs it out of answers: once per request, not per attempt.
	const apiKey = checkApiKey(request.connection.apiKey);
	const key = { apiKey, redactor: createRedactor(apiKey), forms: secretForms(apiKey) };
	const governor = governorFor(url, apiKey);
	// Only text requests stream; an image request has its reader and no onPiece.
	const { onPiece } = request;
	const read = reader && ((raw: RawAnswer) => reader.read(raw, key.redactor));
	let payload = encodeBody(request.body);
	// The body with `stream: true` replaces it (not kept beside it: a body with images is large).
	const streamed = onPiece && !refusesStream(governor) ? withStream(payload) : undefined;
	let streaming = streamed !== undefined;
	if (streamed !== undefined) payload = streamed;
	const maxWaitMs = request.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS;
	const state: RetryState = { retries: 0, rateLimited: 0, waits: new RateLimitWait(maxWaitMs) };
	// One execution's signal is shared by all its items in flight (up to 64, plus waiters): each
	// request listens on a signal of its own that follows it (AbortSignal.any adds no listener to
	// the shared one), so no signal gets past Node's warning threshold of 10 listeners.
	if (request.signal) request = { ...request, signal: AbortSignal.any([request.signal]) };
	for (let attempt = 1; ; attempt++) {
		if (request.signal?.aborted) throw new DataoortsAbortError();
		const ticket = await takeTurn(governor, state.waits, request, attempt - 1);
		try {
			// The ticket is held until the answer ends: a stream occupies the account until [DONE].
			const answer = onPiece
				? ((await attemptStream(url, payload, request, key, onPiece)) as T)
				: await attemptOnce<T>(url, payload, request, key, read, reader?.accept);
			governor.settle(ticket);
			return answer;
		} catch (caught) {
			const error = caught as DataoortsError;
			const limited = error.status === 429 && error.retryable;
			const retryAfterMs = (error as { retryAfterMs?: number }).retryAfterMs;
			const deadline = state.waits.deadline();
			governor.settle(
				ticket,
				limited ? { retryAfterMs, deadline, logger: request.logger } : undefined,
			);
			if (streaming && refusedStream(error)) {
				// Asked once more at once, without `stream`; this account is not asked to stream again.
				rememberRefusal(governor);
				payload = withoutStream(payload);
				streaming = false;
				continue;
			}
			const delayMs = delayBeforeRetry(error, attempt, state, request);
			// Waits the provider asked for (429s, Retry-After) count against Max Rate Limit Wait.
			if (limited || retryAfterMs !== undefined)
				await state.waits.measure(() => sleep(delayMs, request.signal));
			else await sleep(delayMs, request.signal);
		}
	}
}

/** A text model's request: the checked success envelope. */
export async function sendChatRequest(request: ChatRequest): Promise<DataoortsEnvelope> {
	return await sendRequest<DataoortsEnvelope>(request);
}
