/**
 * Typed transport errors, one class per kind of failure, each with a stable `code`.
 * None of them ever holds the API key: they are built from the URL's origin, the HTTP status
 * and the provider's answer only.
 */

export type DataoortsErrorCode =
	| 'DATAOORTS_INVALID_URL'
	| 'DATAOORTS_INSECURE_URL'
	| 'DATAOORTS_HTTP_STATUS'
	| 'DATAOORTS_REDIRECT'
	| 'DATAOORTS_API_FAILURE'
	| 'DATAOORTS_INVALID_RESPONSE'
	| 'DATAOORTS_RESPONSE_TOO_LARGE'
	| 'DATAOORTS_NETWORK'
	| 'DATAOORTS_TIMEOUT'
	| 'DATAOORTS_RATE_LIMITED'
	| 'DATAOORTS_ABORTED';

/** One entry of the provider's `errors[]` envelope. */
export interface ProviderError {
	code?: number;
	message: string;
}

export abstract class DataoortsError extends Error {
	abstract readonly code: DataoortsErrorCode;

	/** Whether another attempt may succeed. */
	abstract readonly retryable: boolean;

	/** Attempts made before this error was final; set by the retry loop. */
	attempts = 1;

	/** HTTP status, where an answer arrived. */
	status?: number;

	/** The provider's own messages, where its envelope was readable. */
	providerErrors: ProviderError[] = [];

	constructor(message: string) {
		super(message);
		this.name = new.target.name;
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

export function isRetryableStatus(status: number): boolean {
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
		/** The parsed error body, for "simplify off" users and debugging; never has the key. */
		readonly body: unknown,
		/** Delay the server asked for with Retry-After, in ms. */
		readonly retryAfterMs?: number,
	) {
		super(message);
		this.providerErrors = providerErrors;
		this.retryable = code === 'DATAOORTS_HTTP_STATUS' && isRetryableStatus(status);
	}
}

/** A 2xx answer that is not the documented JSON envelope, or is too large to read. */
export class DataoortsResponseError extends DataoortsError {
	readonly retryable = false;

	constructor(
		readonly code: 'DATAOORTS_INVALID_RESPONSE' | 'DATAOORTS_RESPONSE_TOO_LARGE',
		message: string,
		readonly status: number,
	) {
		super(message);
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
	) {
		super(message);
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

/** A wait for messages: "3600 s", "1.5 s". */
export function formatSeconds(ms: number): string {
	const seconds = ms / 1000;
	return `${seconds >= 10 || Number.isInteger(seconds) ? Math.round(seconds) : seconds.toFixed(1)} s`;
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

/** The workflow was stopped: the request was aborted or never started. */
export class DataoortsAbortError extends DataoortsError {
	readonly code = 'DATAOORTS_ABORTED';

	readonly retryable = false;

	constructor() {
		super('The request to Dataoorts was cancelled because the execution was stopped');
	}
}
