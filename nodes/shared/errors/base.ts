/**
 * The package's one error family: every failure it raises is a DataoortsError with a `code` from
 * one union, and keeps what caused it as `cause`. None of them ever holds the API key: they are
 * built from parameter values, the URL's origin, the HTTP status and the provider's answer, and
 * provider text is redacted (transport/redact.ts) before it gets here.
 * `to-node-error.ts` turns each code into the n8n error the editor shows; `errors.ts` has the kinds.
 */

export type DataoortsErrorCode =
	| 'DATAOORTS_INVALID_PARAMETER'
	| 'DATAOORTS_INVALID_URL'
	| 'DATAOORTS_INSECURE_URL'
	| 'DATAOORTS_INVALID_KEY'
	| 'DATAOORTS_HTTP_STATUS'
	| 'DATAOORTS_REDIRECT'
	| 'DATAOORTS_API_FAILURE'
	| 'DATAOORTS_INVALID_RESPONSE'
	| 'DATAOORTS_RESPONSE_TOO_LARGE'
	| 'DATAOORTS_RESPONSE_TOO_DEEP'
	| 'DATAOORTS_REPLY_NOT_JSON'
	| 'DATAOORTS_NETWORK'
	| 'DATAOORTS_TIMEOUT'
	| 'DATAOORTS_RATE_LIMITED'
	| 'DATAOORTS_STREAM_BROKEN'
	| 'DATAOORTS_ABORTED'
	| 'DATAOORTS_N8N_TOO_OLD';

/** One entry of the provider's `errors[]` envelope. */
export interface ProviderError {
	code?: number;
	message: string;
}

export abstract class DataoortsError extends Error {
	abstract readonly code: DataoortsErrorCode;

	/** Whether another attempt may succeed. */
	abstract readonly retryable: boolean;

	/** Attempts made before this error was final (see `recordAttempts`). */
	attempts = 1;

	/** HTTP status, where an answer arrived. */
	status?: number;

	/** The provider's own messages, where its envelope was readable. */
	providerErrors: ProviderError[] = [];

	constructor(message: string, cause?: unknown) {
		super(message, cause === undefined ? undefined : { cause });
		this.name = new.target.name;
	}

	/** Marks the error as final after `attempts` attempts; the message says so when it retried. */
	recordAttempts(attempts: number): this {
		this.attempts = attempts;
		if (attempts > 1) this.message += ` (gave up after ${attempts} attempts)`;
		return this;
	}
}
