/**
 * One streaming attempt: the POST asks for `text/event-stream` and its text is handed on piece by
 * piece as it arrives (sse.ts parses, stream-events.ts reads the events, stream-redact.ts scrubs
 * the key even across pieces). Whatever else comes back (the plain JSON envelope of an upstream
 * that ignored `stream`, an error status) is read as usual; its text is then one piece.
 */
import { DataoortsError, DataoortsAnswerError, DataoortsStreamError } from '../../errors/errors';
import type { DataoortsEnvelope } from '../../wire';
import { attemptOnce, readWholeAnswer, type RawAnswer } from './attempt';
import type { Redactor } from '../answer/redact';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../answer/read-body';
import type { ChatRequest, PieceHandler } from '../request/chat-request';
import { SseParser } from './sse';
import { decodedBody } from './stream-decode';
import { StreamedAnswer } from './stream-events';
import { PieceRedactor } from './stream-redact';

interface StreamKey {
	apiKey: string;
	redactor: Redactor;
	/** The forms of the key to hold back when a piece ends in the start of one. */
	forms: readonly string[];
}

/** Pieces handed on so far: once there are any, a failure is final (the user has seen them). */
interface Progress {
	pieces: number;
}

function isEventStream(answer: RawAnswer): boolean {
	const type = answer.headers['content-type'];
	return /^\s*text\/event-stream\b/i.test(String(Array.isArray(type) ? type[0] : (type ?? '')));
}

function tooLarge(status: number): DataoortsAnswerError {
	return new DataoortsAnswerError(
		'DATAOORTS_RESPONSE_TOO_LARGE',
		`Dataoorts streamed an answer larger than the ${DEFAULT_MAX_RESPONSE_BYTES}-byte limit`,
		status,
	);
}

/** The events of a `text/event-stream` answer, piece by piece, up to `data: [DONE]`. */
async function readEvents(
	answer: RawAnswer,
	key: StreamKey,
	onPiece: PieceHandler,
	progress: Progress,
): Promise<DataoortsEnvelope> {
	const parser = new SseParser();
	const events = new StreamedAnswer(answer.statusCode, key.redactor);
	const scrub = new PieceRedactor(key.redactor, key.forms);
	let text = '';
	const hand = (piece: string) => {
		if (piece === '') return;
		text += piece;
		progress.pieces += 1;
		onPiece(piece);
	};
	const take = (datas: string[]) => {
		for (const data of datas) {
			hand(scrub.push(events.take(data)));
			if (events.done) return;
		}
	};
	let size = 0;
	for await (const chunk of decodedBody(answer.body, answer.headers, answer.statusCode)) {
		size += chunk.length;
		if (size > DEFAULT_MAX_RESPONSE_BYTES) throw tooLarge(answer.statusCode);
		take(parser.push(chunk));
		// Leaving the loop closes the body: nothing after [DONE] is read.
		if (events.done) break;
	}
	if (!events.done) take(parser.end());
	if (!events.done) {
		throw new DataoortsStreamError(
			`Dataoorts's streamed answer ended without its closing "data: [DONE]" (after ${progress.pieces} pieces)`,
			progress.pieces,
		);
	}
	hand(scrub.end());
	return events.toAnswer(text);
}

/** A failure once pieces were handed on: not retried, and named as a broken stream. */
function afterPieces(error: unknown, pieces: number): unknown {
	if (pieces === 0 || !(error instanceof DataoortsError) || !error.retryable) return error;
	return new DataoortsStreamError(
		`Dataoorts's streamed answer broke off after ${pieces} pieces: ${error.message}`,
		pieces,
		error,
	);
}

/** One streaming POST; `payload` carries `stream: true` (stream-fallback.ts). */
export async function attemptStream(
	url: URL,
	payload: string | Buffer,
	request: ChatRequest,
	key: StreamKey,
	onPiece: PieceHandler,
): Promise<DataoortsEnvelope> {
	const progress: Progress = { pieces: 0 };
	const read = async (answer: RawAnswer) => {
		if (isEventStream(answer) && answer.statusCode >= 200 && answer.statusCode < 300)
			return await readEvents(answer, key, onPiece, progress);
		const whole = await readWholeAnswer(answer, key.redactor, request);
		const { response } = whole.result;
		if (typeof response === 'string' && response !== '') {
			progress.pieces += 1;
			onPiece(response);
		}
		return whole;
	};
	try {
		return await attemptOnce(
			url,
			payload,
			request,
			key,
			read,
			'text/event-stream, application/json',
		);
	} catch (error) {
		throw afterPieces(error, progress.pieces);
	}
}
