/**
 * The one module that talks HTTP to Dataoorts: POST the JSON body to the credential's base URL
 * with the Bearer key, through the account's rate-limit governor, retry what may succeed on
 * another attempt, and hand back the success envelope or a typed DataoortsError.
 */
import { dispatcherFor, undici } from './dispatcher';
import {
	DataoortsAbortError,
	DataoortsConfigError,
	DataoortsError,
	DataoortsNetworkError,
	DataoortsRateLimitError,
	DataoortsTimeoutError,
	formatSeconds,
} from './errors';
import { governorFor, type AccountGovernor, type GovernorLogger, type Ticket } from './governor';
import {
	DEFAULT_MAX_RESPONSE_BYTES,
	classifyAnswer,
	readCappedText,
	type DataoortsSuccessBody,
} from './response-body';
import {
	DEFAULT_BACKOFF,
	DEFAULT_MAX_RATE_LIMIT_WAIT_MS,
	RateLimitWait,
	retryDelayMs,
	sleep,
	type BackoffSettings,
} from './retry';

export * from './errors';
export type { DataoortsSuccessBody } from './response-body';
export { closeDispatchers } from './dispatcher';
export { resetGovernors, type GovernorLogger } from './governor';

export interface ChatRequest {
	baseUrl: string;
	apiKey: string;
	/** Allow plain http:// to a non-loopback host (credential setting). */
	allowInsecureHttp?: boolean;
	body: unknown;
	/** Time limit of one attempt, in ms. */
	timeoutMs: number;
	/** Retries after the first attempt; 0 means one attempt. Rate-limit answers (429) do not count. */
	maxRetries: number;
	/**
	 * The longest this request may wait in total on the account's rate limit (held by its governor,
	 * or after 429s and Retry-After), in ms (options.maxRateLimitWait). Default 300 s.
	 */
	maxRateLimitWaitMs?: number;
	/** Where the account's governor reports a cut or a pause: the node's logger. */
	logger?: GovernorLogger;
	/** Aborts in-flight attempts and waiting retries (the execution's cancel signal). */
	signal?: AbortSignal;
	maxResponseBytes?: number;
	backoff?: BackoffSettings;
}

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

function isLoopback(hostname: string): boolean {
	return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Checks the base URL before the key is attached to anything. */
export function checkEndpoint(baseUrl: string, allowInsecureHttp = false): URL {
	const key = `${allowInsecureHttp ? 1 : 0}${baseUrl}`;
	let url = checkedEndpoints.get(key);
	if (url === undefined) {
		url = parseEndpoint(baseUrl, allowInsecureHttp);
		// A credential has one base URL; the cap only guards against expressions that vary it.
		if (checkedEndpoints.size >= 100) checkedEndpoints.clear();
		checkedEndpoints.set(key, url);
	}
	return url;
}

const checkedEndpoints = new Map<string, URL>();

function parseEndpoint(baseUrl: string, allowInsecureHttp: boolean): URL {
	let url: URL;
	try {
		url = new URL(baseUrl.trim());
	} catch {
		throw new DataoortsConfigError(
			'DATAOORTS_INVALID_URL',
			`The credential's Base URL is not a valid URL: ${JSON.stringify(baseUrl)}`,
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new DataoortsConfigError(
			'DATAOORTS_INVALID_URL',
			`The credential's Base URL must start with https:// (got ${url.protocol}//)`,
		);
	}
	if (url.protocol === 'http:' && !isLoopback(url.hostname) && !allowInsecureHttp) {
		throw new DataoortsConfigError(
			'DATAOORTS_INSECURE_URL',
			`Refusing to send the API key over plain http:// to ${url.host}; use https://, or turn on "Allow Plain HTTP" in the credential for a trusted private network`,
		);
	}
	return url;
}

const NETWORK_ERROR_TEXT: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ECONNRESET: 'the connection was reset',
	EPIPE: 'the connection was closed while sending',
	ENOTFOUND: 'the host name could not be resolved',
	EAI_AGAIN: 'the host name could not be resolved (temporary DNS failure)',
	ETIMEDOUT: 'the connection timed out',
	UND_ERR_SOCKET: 'the connection was closed before the answer was complete',
	UND_ERR_CONNECT_TIMEOUT: 'connecting took too long',
	UND_ERR_HEADERS_TIMEOUT: "the answer's headers took too long",
	UND_ERR_BODY_TIMEOUT: "the answer's body took too long",
	UND_ERR_CLOSED: 'the connection pool was closed',
};

function toNetworkError(error: unknown, origin: string): DataoortsError {
	if (error instanceof DataoortsError) return error;
	const code = (error as { code?: unknown })?.code;
	const causeCode = typeof code === 'string' ? code : undefined;
	const reason =
		(causeCode && NETWORK_ERROR_TEXT[causeCode]) ?? (error as Error)?.message ?? String(error);
	return new DataoortsNetworkError(`Could not reach Dataoorts at ${origin}: ${reason}`, causeCode);
}

async function attemptOnce(
	url: URL,
	payload: string,
	request: ChatRequest,
): Promise<DataoortsSuccessBody> {
	const attempt = new AbortController();
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		attempt.abort();
	}, request.timeoutMs);
	const onCancel = () => attempt.abort();
	request.signal?.addEventListener('abort', onCancel, { once: true });
	try {
		const answer = await undici().request(url, {
			method: 'POST',
			dispatcher: dispatcherFor(url.origin),
			headers: {
				authorization: `Bearer ${request.apiKey}`,
				'content-type': 'application/json',
				accept: 'application/json',
			},
			body: payload,
			signal: attempt.signal,
			headersTimeout: request.timeoutMs,
			bodyTimeout: request.timeoutMs,
		});
		const text = await readCappedText(
			answer.body,
			answer.headers,
			answer.statusCode,
			request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
		);
		return classifyAnswer(answer.statusCode, answer.headers, text);
	} catch (error) {
		if (request.signal?.aborted) throw new DataoortsAbortError();
		if (timedOut) throw new DataoortsTimeoutError(request.timeoutMs);
		throw toNetworkError(error, url.origin);
	} finally {
		clearTimeout(timer);
		request.signal?.removeEventListener('abort', onCancel);
	}
}

/** The final error, saying why the item gave up and after how many attempts. */
function giveUp(error: DataoortsError, attempts: number, reason = ''): DataoortsError {
	error.attempts = attempts;
	error.message += reason;
	if (attempts > 1) error.message += ` (gave up after ${attempts} attempts)`;
	return error;
}

/** Waits for the account's governor to let the next attempt go, within the item's wait budget. */
async function takeTurn(
	governor: AccountGovernor,
	waits: RateLimitWait,
	request: ChatRequest,
	attemptsSoFar: number,
): Promise<Ticket> {
	try {
		const turn = governor.acquire(waits.deadline(), request.signal);
		return turn instanceof Promise ? await waits.measure(() => turn) : turn;
	} catch (error) {
		if (error instanceof DataoortsRateLimitError) throw giveUp(error, attemptsSoFar);
		throw error;
	}
}

interface RetryState {
	/** Retries spent on errors other than 429 (bounded by Max Retries). */
	retries: number;
	/** 429 answers so far (bounded by the wait budget only). */
	rateLimited: number;
	waits: RateLimitWait;
}

/**
 * After a failed attempt: the delay before the next one, or the final error thrown. A 429 is
 * "come back later": it spends the item's wait budget, not Max Retries; the wait it asks for is
 * the governor's pause, which holds the next attempt. A Retry-After longer than the budget left
 * ends the item at once, naming it.
 */
function delayBeforeRetry(error: DataoortsError, state: RetryState, request: ChatRequest): number {
	const { waits } = state;
	const retryAfterMs = (error as { retryAfterMs?: number }).retryAfterMs;
	const backoff = request.backoff ?? DEFAULT_BACKOFF;
	const askedTooMuch = () =>
		giveUp(
			error,
			error.attempts,
			`; Dataoorts asked to wait ${formatSeconds(retryAfterMs!)} (Retry-After), more than the ${formatSeconds(waits.leftMs)} left of Max Rate Limit Wait (${formatSeconds(waits.maxMs)})`,
		);
	if (error.status === 429 && error.retryable) {
		state.rateLimited += 1;
		if (retryAfterMs) {
			if (retryAfterMs > waits.leftMs) throw askedTooMuch();
			return 0;
		}
		// No wait asked (or "0"): the normal backoff, so a 429 is never retried in a tight loop.
		const delayMs = retryDelayMs({}, state.rateLimited, backoff);
		if (delayMs > waits.leftMs) {
			throw giveUp(
				error,
				error.attempts,
				`; still rate limited after waiting ${formatSeconds(waits.waitedMs)} (Max Rate Limit Wait: ${formatSeconds(waits.maxMs)})`,
			);
		}
		return delayMs;
	}
	if (!error.retryable || state.retries >= request.maxRetries) throw giveUp(error, error.attempts);
	state.retries += 1;
	if (retryAfterMs !== undefined && retryAfterMs > waits.leftMs) throw askedTooMuch();
	return retryDelayMs(error, state.retries, backoff);
}

/**
 * Sends one chat request through the account's governor, retrying 429 within Max Rate Limit
 * Wait, and 408/409/5xx, network errors and timeouts up to Max Retries, with exponential backoff
 * or the server's Retry-After. The final error says how many attempts were made.
 */
export async function sendChatRequest(request: ChatRequest): Promise<DataoortsSuccessBody> {
	const url = checkEndpoint(request.baseUrl, request.allowInsecureHttp);
	const payload = JSON.stringify(request.body);
	const governor = governorFor(url, request.apiKey);
	const maxWaitMs = request.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS;
	const state: RetryState = { retries: 0, rateLimited: 0, waits: new RateLimitWait(maxWaitMs) };
	for (let attempt = 1; ; attempt++) {
		if (request.signal?.aborted) throw new DataoortsAbortError();
		const ticket = await takeTurn(governor, state.waits, request, attempt - 1);
		try {
			const answer = await attemptOnce(url, payload, request);
			governor.settle(ticket, false);
			return answer;
		} catch (caught) {
			const error = caught as DataoortsError;
			error.attempts = attempt;
			const limited = error.status === 429 && error.retryable;
			const retryAfterMs = (error as { retryAfterMs?: number }).retryAfterMs;
			governor.settle(ticket, limited, retryAfterMs, request.logger);
			const delayMs = delayBeforeRetry(error, state, request);
			// Waits the provider asked for (429s, Retry-After) count against Max Rate Limit Wait.
			if (limited || retryAfterMs !== undefined)
				await state.waits.measure(() => sleep(delayMs, request.signal));
			else await sleep(delayMs, request.signal);
		}
	}
}
