/** What one call of the transport asks for: the request the retry loop sends and each attempt reads. */
import type { DataoortsConnection } from '../../connection';
import type { GovernorLogger } from '../account/governor-messages';

/** Receives each piece of the answer's text as soon as it is known (and scrubbed). */
export type PieceHandler = (piece: string) => void;

export interface ChatRequest {
	connection: DataoortsConnection;
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
	/** Guided JSON was asked for: `response` may come back as any JSON value, not only text. */
	structuredResponse?: boolean;
	/**
	 * Stream the answer: each piece of its text as it arrives (stream.ts). The answer is returned
	 * whole as well. Where the upstream does not stream, the whole text is one piece.
	 */
	onPiece?: PieceHandler;
}
