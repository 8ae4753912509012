/**
 * The one module that talks HTTP to Dataoorts: POST the JSON body to the credential's base URL
 * with the Bearer key, retry what may succeed on another attempt, and hand back the success
 * envelope or a typed DataoortsError.
 */
import { checkApiKey } from './api-key';
import { holdDemand } from './connect-gate';
import { isAttemptTimeout, undiciTimeouts } from './deadline';
import { dispatcherFor, undici } from './dispatcher';
import {
	DataoortsAbortError,
	DataoortsConfigError,
	DataoortsError,
	DataoortsNetworkError,
	DataoortsTimeoutError,
} from './errors';
import {
	DEFAULT_MAX_RESPONSE_BYTES,
	classifyAnswer,
	readCappedText,
	type DataoortsSuccessBody,
} from './response-body';
import { createRedactor, scrubUrl, type Redactor } from './redact';
import { DEFAULT_BACKOFF, retryDelayMs, sleep, type BackoffSettings } from './retry';
import { pastCapNote, waitsPastCap } from './retry-after-limit';

export * from './errors';
export type { DataoortsSuccessBody } from './response-body';
export { closeDispatchers } from './dispatcher';

export interface ChatRequest {
	baseUrl: string;
	apiKey: string;
	/** Allow plain http:// to a non-loopback host (credential setting). */
	allowInsecureHttp?: boolean;
	body: unknown;
	/** Time limit of one attempt, in ms. */
	timeoutMs: number;
	/** Retries after the first attempt; 0 means one attempt. */
	maxRetries: number;
	/** Aborts in-flight attempts and waiting retries (the execution's cancel signal). */
	signal?: AbortSignal;
	maxResponseBytes?: number;
	backoff?: BackoffSettings;
	/** Guided JSON was asked for: `response` may come back as any JSON value, not only text. */
	structuredResponse?: boolean;
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
			`The credential's Base URL is not a valid URL: ${JSON.stringify(scrubUrl(baseUrl))}`,
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

function toNetworkError(error: unknown, origin: string, redactor: Redactor): DataoortsError {
	if (error instanceof DataoortsError) return error;
	const code = (error as { code?: unknown })?.code;
	const causeCode = typeof code === 'string' ? code : undefined;
	const reason =
		(causeCode && NETWORK_ERROR_TEXT[causeCode]) ??
		redactor.diagnostic(String((error as Error)?.message ?? error));
	return new DataoortsNetworkError(`Could not reach Dataoorts at ${origin}: ${reason}`, causeCode);
}

async function attemptOnce(
	url: URL,
	payload: string,
	request: ChatRequest,
): Promise<DataoortsSuccessBody> {
	const apiKey = checkApiKey(request.apiKey);
	const redactor = createRedactor(apiKey);
	const attempt = new AbortController();
	// Given back before aborting, so undici does not reconnect for a dead request (connect-gate.ts).
	const lease = holdDemand(url.origin);
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		lease.release();
		attempt.abort();
	}, request.timeoutMs);
	const onCancel = () => {
		lease.release();
		attempt.abort();
	};
	request.signal?.addEventListener('abort', onCancel, { once: true });
	const startedAt = performance.now();
	try {
		const answer = await undici().request(url, {
			method: 'POST',
			dispatcher: dispatcherFor(url.origin),
			headers: {
				authorization: `Bearer ${apiKey}`,
				'content-type': 'application/json',
				accept: 'application/json',
			},
			body: payload,
			signal: attempt.signal,
			...undiciTimeouts(request.timeoutMs),
		});
		const text = await readCappedText(
			answer.body,
			answer.headers,
			answer.statusCode,
			request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
		);
		return classifyAnswer(answer.statusCode, answer.headers, text, {
			redactor,
			structuredResponse: request.structuredResponse,
		});
	} catch (error) {
		if (request.signal?.aborted) throw new DataoortsAbortError();
		if (isAttemptTimeout(error, timedOut, performance.now() - startedAt, request.timeoutMs)) {
			throw new DataoortsTimeoutError(request.timeoutMs);
		}
		throw toNetworkError(error, url.origin, redactor);
	} finally {
		clearTimeout(timer);
		lease.release();
		request.signal?.removeEventListener('abort', onCancel);
	}
}

/**
 * Sends one chat request, retrying 408/409/429/5xx, network errors and timeouts with
 * exponential backoff (or the server's Retry-After). The final error says how many attempts
 * were made.
 */
export async function sendChatRequest(request: ChatRequest): Promise<DataoortsSuccessBody> {
	const url = checkEndpoint(request.baseUrl, request.allowInsecureHttp);
	const payload = JSON.stringify(request.body);
	for (let attempt = 1; ; attempt++) {
		if (request.signal?.aborted) throw new DataoortsAbortError();
		try {
			return await attemptOnce(url, payload, request);
		} catch (caught) {
			const error = caught as DataoortsError;
			error.attempts = attempt;
			const backoff = request.backoff ?? DEFAULT_BACKOFF;
			const pointless = attempt <= request.maxRetries && waitsPastCap(error, backoff);
			if (!error.retryable || attempt > request.maxRetries || pointless) {
				if (attempt > 1) error.message += ` (gave up after ${attempt} attempts)`;
				if (pointless) error.message += pastCapNote(error, backoff);
				throw error;
			}
			await sleep(retryDelayMs(error, attempt, backoff), request.signal);
		}
	}
}
