/** The kinds of DataoortsError (base.ts), one class per kind of failure. */
import { DataoortsError, type ProviderError } from './base';

export { DataoortsError, type DataoortsErrorCode, type ProviderError } from './base';
export { ReplyNotJsonError } from './reply-not-json';

/**
 * A parameter value outside the documented contract. Values given by expression bypass the
 * editor's own checks, so every item is checked again before any request is sent.
 */
export class ParameterValidationError extends DataoortsError {
	readonly code = 'DATAOORTS_INVALID_PARAMETER';

	readonly retryable = false;

	constructor(
		/** Parameter path as n8n names it, e.g. `options.topK`. */
		readonly field: string,
		message: string,
		cause?: unknown,
	) {
		super(message, cause);
	}
}

/** The credential's base URL is unusable or would expose the key. Never retried. */
export class DataoortsConfigError extends DataoortsError {
	readonly retryable = false;

	constructor(
		readonly code: 'DATAOORTS_INVALID_URL' | 'DATAOORTS_INSECURE_URL',
		message: string,
	) {
		super(message);
	}
}

const RETRYABLE_STATUSES = new Set([408, 409, 429]);

function isRetryableStatus(status: number): boolean {
	return RETRYABLE_STATUSES.has(status) || status >= 500;
}

/** A non-2xx answer, a redirect, or a 2xx answer whose envelope says `success: false`. */
export class DataoortsStatusError extends DataoortsError {
	readonly retryable: boolean;

	constructor(
		readonly code: 'DATAOORTS_HTTP_STATUS' | 'DATAOORTS_REDIRECT' | 'DATAOORTS_API_FAILURE',
		message: string,
		readonly status: number,
		providerErrors: ProviderError[],
		/** Delay the server asked for with Retry-After, in ms. */
		readonly retryAfterMs?: number,
	) {
		super(message);
		this.providerErrors = providerErrors;
		this.retryable = code === 'DATAOORTS_HTTP_STATUS' && isRetryableStatus(status);
	}
}

/** A 2xx answer that is not the documented JSON envelope, or is too large to read. */
export class DataoortsAnswerError extends DataoortsError {
	readonly retryable = false;

	constructor(
		readonly code: 'DATAOORTS_INVALID_RESPONSE' | 'DATAOORTS_RESPONSE_TOO_LARGE',
		message: string,
		readonly status: number,
	) {
		super(message);
	}
}

/**
 * JSON nested deeper than the parser allows: left unread, so no later step can overflow the
 * stack on it. Retried only where the status alone would be (a 4xx or a 2xx never is).
 */
export class DataoortsTooDeepError extends DataoortsError {
	readonly code = 'DATAOORTS_RESPONSE_TOO_DEEP';

	readonly retryable: boolean;

	constructor(
		readonly status: number,
		maxDepth: number,
	) {
		super(
			`Dataoorts answered ${status} with JSON nested deeper than ${maxDepth} levels; it was not read`,
		);
		this.retryable = (status < 200 || status >= 300) && isRetryableStatus(status);
	}
}

/** The connection failed (refused, reset, socket closed): the request may not have arrived. */
export class DataoortsNetworkError extends DataoortsError {
	readonly code = 'DATAOORTS_NETWORK';

	readonly retryable = true;

	constructor(
		message: string,
		/** The system or undici code, e.g. ECONNRESET or UND_ERR_SOCKET. */
		readonly causeCode: string | undefined,
		cause?: unknown,
	) {
		super(message, cause);
	}
}

/** One attempt took longer than the timeout. */
export class DataoortsTimeoutError extends DataoortsError {
	readonly code = 'DATAOORTS_TIMEOUT';

	readonly retryable = true;

	constructor(readonly timeoutMs: number) {
		super(`Dataoorts did not answer within ${timeoutMs} ms`);
	}
}

/**
 * A streamed answer that broke off, or ended without its closing `data: [DONE]`. Retried only when
 * no piece of it was handed on yet: once the user has seen text, a second answer would repeat it.
 */
export class DataoortsStreamError extends DataoortsError {
	readonly code = 'DATAOORTS_STREAM_BROKEN';

	readonly retryable: boolean;

	constructor(
		message: string,
		/** Pieces already handed on when it broke. */
		readonly piecesSent: number,
		cause?: unknown,
	) {
		super(message, cause);
		this.retryable = piecesSent === 0;
	}
}

/**
 * The account stayed rate limited longer than the item's Max Rate Limit Wait allows, while the
 * item was held back by the account's governor (its own 429s end as DataoortsStatusError).
 */
export class DataoortsRateLimitError extends DataoortsError {
	readonly code = 'DATAOORTS_RATE_LIMITED';

	readonly retryable = false;

	constructor(message: string) {
		super(message);
		this.status = 429;
	}
}

/** The credential's API key cannot be sent as a header value. Never retried; nothing was sent. */
export class DataoortsCredentialError extends DataoortsError {
	readonly code = 'DATAOORTS_INVALID_KEY';

	readonly retryable = false;
}

/** The workflow was stopped: the request was aborted or never started. */
export class DataoortsAbortError extends DataoortsError {
	readonly code = 'DATAOORTS_ABORTED';

	readonly retryable = false;

	constructor() {
		super('The request to Dataoorts was cancelled because the execution was stopped');
	}
}

/** The running n8n lacks what a node needs (the chat model needs @n8n/ai-node-sdk). */
export class N8nTooOldError extends DataoortsError {
	readonly code = 'DATAOORTS_N8N_TOO_OLD';

	readonly retryable = false;

	constructor(
		message: string,
		readonly minVersion: string,
		cause?: unknown,
	) {
		super(message, cause);
	}
}
