/**
 * The one module that talks HTTP to Dataoorts: POST the JSON body to the credential's base URL
 * with the Bearer key, retry what may succeed on another attempt, and hand back the success
 * envelope or a typed DataoortsError.
 */
import { dispatcherFor, undici } from './dispatcher';
import {
	DataoortsAbortError,
	DataoortsConfigError,
	DataoortsError,
	DataoortsNetworkError,
	DataoortsTimeoutError,
} from '../errors/errors';
import type { DataoortsConnection } from '../connection';
import type { DataoortsSuccessBody } from '../wire';
import { DEFAULT_MAX_RESPONSE_BYTES, classifyAnswer, readCappedText } from './response-body';
import { DEFAULT_BACKOFF, retryDelayMs, sleep, type BackoffSettings } from './retry';

export { closeDispatchers } from './dispatcher';

export interface ChatRequest {
	connection: DataoortsConnection;
	body: unknown;
	/** Time limit of one attempt, in ms. */
	timeoutMs: number;
	/** Retries after the first attempt; 0 means one attempt. */
	maxRetries: number;
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
	// String(): an expression or an old credential may hand over something that is not a string.
	const text = String(baseUrl ?? '').trim();
	if (!URL.canParse(text)) {
		throw new DataoortsConfigError(
			'DATAOORTS_INVALID_URL',
			`The credential's Base URL is not a valid URL: ${JSON.stringify(baseUrl)}`,
		);
	}
	const url = new URL(text);
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

/**
 * What a failed attempt becomes: cancelled when the execution was stopped, a timeout when the
 * attempt's own timer fired, the typed error the answer was classified as, or a network error.
 */
function attemptError(
	error: unknown,
	attempt: { cancelled: boolean; timedOut: boolean; timeoutMs: number; origin: string },
): DataoortsError {
	if (attempt.cancelled) return new DataoortsAbortError();
	if (attempt.timedOut) return new DataoortsTimeoutError(attempt.timeoutMs);
	if (error instanceof DataoortsError) return error;
	const code = (error as { code?: unknown })?.code;
	const causeCode = typeof code === 'string' ? code : undefined;
	const reason =
		(causeCode && NETWORK_ERROR_TEXT[causeCode]) ?? (error as Error)?.message ?? String(error);
	return new DataoortsNetworkError(
		`Could not reach Dataoorts at ${attempt.origin}: ${reason}`,
		causeCode,
		error,
	);
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
				authorization: `Bearer ${request.connection.apiKey}`,
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
		throw attemptError(error, {
			cancelled: request.signal?.aborted === true,
			timedOut,
			timeoutMs: request.timeoutMs,
			origin: url.origin,
		});
	} finally {
		clearTimeout(timer);
		request.signal?.removeEventListener('abort', onCancel);
	}
}

/**
 * Sends one chat request, retrying 408/409/429/5xx, network errors and timeouts with
 * exponential backoff (or the server's Retry-After). The final error says how many attempts
 * were made.
 */
export async function sendChatRequest(request: ChatRequest): Promise<DataoortsSuccessBody> {
	const { baseUrl, allowInsecureHttp } = request.connection;
	const url = checkEndpoint(baseUrl, allowInsecureHttp);
	const payload = JSON.stringify(request.body);
	for (let attempt = 1; ; attempt++) {
		if (request.signal?.aborted) throw new DataoortsAbortError();
		try {
			return await attemptOnce(url, payload, request);
		} catch (caught) {
			const error = caught as DataoortsError;
			if (!error.retryable || attempt > request.maxRetries) throw error.recordAttempts(attempt);
			await sleep(retryDelayMs(error, attempt, request.backoff ?? DEFAULT_BACKOFF), request.signal);
		}
	}
}
