/** One attempt: the POST with the Bearer key, its timeout and cancellation, and what it failed with. */
import {
	DataoortsAbortError,
	DataoortsError,
	DataoortsNetworkError,
	DataoortsAnswerError,
	DataoortsTimeoutError,
} from '../../errors/errors';
import type { DataoortsEnvelope } from '../../wire';
import { holdDemand } from '../connection/connect-gate';
import { clock } from '../process-state';
import { isAttemptTimeout, undiciTimeouts } from './deadline';
import { dispatcherFor, undici } from '../connection/dispatcher';
import type { Dispatcher } from '../connection/undici-types';
import type { Redactor } from '../answer/redact';
import { DEFAULT_MAX_RESPONSE_BYTES, readCappedText } from '../answer/read-body';
import { classifyAnswer } from '../answer/answer-body';
import type { ChatRequest } from '../request/chat-request';

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
 * undici's words when an interim answer (1xx) came that it cannot read past: it drops the
 * connection. The request did arrive (and may be billed), so it is reported, not retried.
 */
const INTERIM_ANSWERS: Record<string, [number, string]> = {
	'bad response': [100, '100 Continue'],
	'bad upgrade': [101, '101 Switching Protocols'],
};

function interimAnswerError(causeCode: string | undefined, error: unknown) {
	const interim = INTERIM_ANSWERS[String((error as Error)?.message)];
	if (causeCode !== 'UND_ERR_SOCKET' || interim === undefined) return undefined;
	const [status, name] = interim;
	return new DataoortsAnswerError(
		'DATAOORTS_INVALID_RESPONSE',
		`Dataoorts answered ${name} before its answer, an interim answer the node never asks for (a server or proxy fault), and the connection could not be read past it; not retried, as the request arrived`,
		status,
	);
}

interface AttemptState {
	cancelled: boolean;
	timedOut: boolean;
	elapsedMs: number;
	timeoutMs: number;
	origin: string;
	redactor: Redactor;
}

/**
 * What a failed attempt becomes: cancelled when the execution was stopped, a timeout when it ran
 * out of time (deadline.ts), the typed error the answer was classified as, or a network error.
 */
function attemptError(error: unknown, attempt: AttemptState): DataoortsError {
	if (attempt.cancelled) return new DataoortsAbortError();
	if (isAttemptTimeout(error, attempt.timedOut, attempt.elapsedMs, attempt.timeoutMs)) {
		return new DataoortsTimeoutError(attempt.timeoutMs);
	}
	if (error instanceof DataoortsError) return error;
	const code = (error as { code?: unknown })?.code;
	const causeCode = typeof code === 'string' ? code : undefined;
	const interim = interimAnswerError(causeCode, error);
	if (interim) return interim;
	const reason =
		(causeCode && NETWORK_ERROR_TEXT[causeCode]) ??
		attempt.redactor.diagnostic(String((error as Error)?.message ?? error));
	return new DataoortsNetworkError(
		`Could not reach Dataoorts at ${attempt.origin}: ${reason}`,
		causeCode,
		error,
	);
}

/** An answer as undici hands it over: status and headers read, the body still to come. */
export type RawAnswer = Pick<Dispatcher.ResponseData, 'statusCode' | 'headers' | 'body'>;

/**
 * Reads and classifies an answer; the default reads it whole (stream.ts reads events,
 * image-answer.ts an image).
 */
export type AnswerReader<T = DataoortsEnvelope> = (answer: RawAnswer) => Promise<T>;

/** A reader that is not the default, with the Accept header it asks for (image-answer.ts). */
export interface TypedReader<T> {
	readonly accept: string;
	read(answer: RawAnswer, redactor: Redactor): Promise<T>;
}

/** An answer read whole (within the size cap) and classified: the envelope or a typed error. */
export async function readWholeAnswer(
	answer: RawAnswer,
	redactor: Redactor,
	rules: Pick<ChatRequest, 'structuredResponse'>,
): Promise<DataoortsEnvelope> {
	const { statusCode, headers } = answer;
	const text = await readCappedText(answer.body, headers, statusCode, DEFAULT_MAX_RESPONSE_BYTES);
	return classifyAnswer(statusCode, headers, text, {
		redactor,
		structuredResponse: rules.structuredResponse,
	});
}

/** One POST of the body and its answer, within the attempt's timeout and the execution's signal. */
export async function attemptOnce<T = DataoortsEnvelope>(
	url: URL,
	payload: string | Buffer,
	request: ChatRequest,
	key: { apiKey: string; redactor: Redactor },
	read?: AnswerReader<T>,
	accept = 'application/json',
): Promise<T> {
	const { apiKey, redactor } = key;
	const attempt = new AbortController();
	// Given back before aborting, so undici does not reconnect for a dead request (connect-gate.ts).
	const lease = holdDemand(url.origin);
	let timedOut = false;
	const stop = () => {
		lease.release();
		attempt.abort();
	};
	const timer = clock().setTimeout(() => {
		timedOut = true;
		stop();
	}, request.timeoutMs);
	request.signal?.addEventListener('abort', stop, { once: true });
	const startedAt = clock().now();
	try {
		const answer = await undici().request(url, {
			method: 'POST',
			dispatcher: dispatcherFor(url.origin),
			headers: {
				authorization: `Bearer ${apiKey}`,
				'content-type': 'application/json',
				accept,
			},
			body: payload,
			signal: attempt.signal,
			...undiciTimeouts(request.timeoutMs),
		});
		const readWhole = (whole: RawAnswer) =>
			readWholeAnswer(whole, redactor, request) as Promise<unknown> as Promise<T>;
		return await (read ?? readWhole)(answer);
	} catch (error) {
		throw attemptError(error, {
			cancelled: request.signal?.aborted === true,
			timedOut,
			elapsedMs: clock().now() - startedAt,
			timeoutMs: request.timeoutMs,
			origin: url.origin,
			redactor,
		});
	} finally {
		clock().clearTimeout(timer);
		lease.release();
		request.signal?.removeEventListener('abort', stop);
	}
}
