/** The retry loop: attempts until one succeeds, the error is final, or the retries are spent. */
import type { DataoortsConnection } from '../connection';
import { DataoortsAbortError, type DataoortsError } from '../errors/errors';
import type { DataoortsSuccessBody } from '../wire';
import { attemptOnce } from './attempt';
import { checkEndpoint } from './endpoint';
import { DEFAULT_BACKOFF, retryDelayMs, sleep, type BackoffSettings } from './retry';
import { pastCapNote, waitsPastCap } from './retry-after-limit';

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
	/** Guided JSON was asked for: `response` may come back as any JSON value, not only text. */
	structuredResponse?: boolean;
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
			const backoff = request.backoff ?? DEFAULT_BACKOFF;
			const pointless = attempt <= request.maxRetries && waitsPastCap(error, backoff);
			if (!error.retryable || attempt > request.maxRetries || pointless) {
				error.recordAttempts(attempt);
				if (pointless) error.message += pastCapNote(error, backoff);
				throw error;
			}
			await sleep(retryDelayMs(error, attempt, backoff), request.signal);
		}
	}
}
