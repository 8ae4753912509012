/**
 * An image model's answer, in either documented shape: the JSON envelope with
 * `result.image_base64`, or the image's raw bytes (any content type: recognised by signature).
 * Anything else is an error naming what came back. Errors (non-2xx) read as for text models.
 */
import { DataoortsAnswerError } from '../../errors/errors';
import { leadingBytes, sniffImage, truncation, type ImageKind } from '../../image-signature';
import { readWholeAnswer, type RawAnswer, type TypedReader } from '../attempt/attempt';
import { base64Span, decodeBase64 } from './image-base64';
import { readCappedBody } from './read-body';
import type { Redactor } from './redact';
import { classifyAnswer } from './answer-body';

/** An image answer's own cap: a 2048 × 2048 PNG stays well under it, also as base64 in JSON. */
export const MAX_IMAGE_ANSWER_BYTES = 20 * 1024 * 1024;

export interface GeneratedImage {
	bytes: Buffer;
	kind: ImageKind;
	/** Which documented shape the answer had. */
	shape: 'json' | 'raw';
}

type Headers = RawAnswer['headers'];

function unusable(status: number, what: string): DataoortsAnswerError {
	return new DataoortsAnswerError(
		'DATAOORTS_INVALID_RESPONSE',
		`Dataoorts answered ${status} with ${what}`,
		status,
	);
}

/** Decoded, checked image bytes from base64 text, or the error naming what they are instead. */
function imageFromBase64(status: number, text: Buffer): GeneratedImage {
	const decoded = decodeBase64(text);
	if ('problem' in decoded) {
		throw unusable(status, `result.image_base64 that is not base64: ${decoded.problem}`);
	}
	const bytes = decoded.image;
	const kind = sniffImage(bytes);
	if (kind === undefined) {
		throw unusable(
			status,
			`result.image_base64 that is base64 but not an image (PNG, JPEG or WebP): it decodes to ${bytes.length} bytes starting ${leadingBytes(bytes)}`,
		);
	}
	return checkedImage(status, bytes, kind, 'json');
}

function checkedImage(
	status: number,
	bytes: Buffer,
	kind: ImageKind,
	shape: GeneratedImage['shape'],
): GeneratedImage {
	const cut = truncation(bytes, kind);
	if (cut !== undefined) {
		const where = shape === 'json' ? ' in result.image_base64' : '';
		throw unusable(
			status,
			`a truncated ${kind.name} image${where} (${bytes.length} bytes): ${cut}`,
		);
	}
	return { bytes, kind, shape };
}

/**
 * The JSON envelope. The base64 span is cut out of the body and the small rest checked as the
 * envelope; only when the span is not plainly `result.image_base64` is the whole body parsed.
 */
function imageFromEnvelope(
	status: number,
	headers: Headers,
	body: Buffer,
	context: { redactor: Redactor },
): GeneratedImage {
	const rules = { ...context, imageAnswer: true };
	const span = base64Span(body);
	if (span !== undefined) {
		const rest = body.toString('utf8', 0, span.start) + body.toString('utf8', span.end);
		const value = classifyAnswer(status, headers, rest, rules).result.image_base64;
		if (value === '' && span.end > span.start) {
			return imageFromBase64(status, body.subarray(span.start, span.end));
		}
	}
	const { result } = classifyAnswer(status, headers, body.toString('utf8'), rules);
	const value = result.image_base64;
	if (typeof value !== 'string' || value.trim() === '') {
		const keys = Object.keys(result).join(', ') || 'nothing';
		throw unusable(
			status,
			`JSON without an image: result.image_base64 is ${value === undefined ? 'missing' : 'empty or not text'} (result holds: ${keys})`,
		);
	}
	return imageFromBase64(status, Buffer.from(value.replace(/\s+/g, ''), 'latin1'));
}

/** The first byte that is not whitespace or a byte-order mark, or -1. */
function firstSignificant(body: Buffer): number {
	let at = body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
	while (at < body.length && /\s/.test(String.fromCharCode(body[at]))) at++;
	return at < body.length ? at : -1;
}

/** A 2xx body: an image in either shape, or the error naming what came back. */
export function imageFromBody(
	status: number,
	headers: Headers,
	body: Buffer,
	context: { redactor: Redactor },
): GeneratedImage {
	const kind = sniffImage(body);
	if (kind !== undefined) return checkedImage(status, body, kind, 'raw');
	const start = firstSignificant(body);
	if (start === -1) throw unusable(status, 'an empty body instead of an image');
	const first = body[start];
	if (first === 0x7b || first === 0x5b) return imageFromEnvelope(status, headers, body, context);
	const contentType = context.redactor.diagnostic(
		String(headers['content-type'] ?? 'no content type'),
	);
	const text = context.redactor.diagnostic(body.toString('utf8', start, start + 400));
	const snippet = text.replace(/\s+/g, ' ').trim().slice(0, 200);
	if (first === 0x3c)
		throw unusable(status, `an HTML page (${contentType}) instead of an image: ${snippet}`);
	throw unusable(
		status,
		`a body that is neither an image (PNG, JPEG or WebP) nor JSON (${contentType}, ${body.length} bytes starting ${leadingBytes(body)})`,
	);
}

/** An image model's answer: the image, or the typed error it is instead. */
export const imageAnswer: TypedReader<GeneratedImage> = {
	accept: 'image/png, image/jpeg, image/webp, application/json',
	async read(answer, redactor) {
		const context = { redactor };
		const status = answer.statusCode;
		if (status < 200 || status >= 300) {
			// Redirects and error envelopes as for text models: classifying them always throws.
			await readWholeAnswer(answer, redactor, {});
			throw unusable(status, 'an error status');
		}
		const body = await readCappedBody(answer.body, answer.headers, status, MAX_IMAGE_ANSWER_BYTES);
		return imageFromBody(status, answer.headers, body, context);
	},
};
