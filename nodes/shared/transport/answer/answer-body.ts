import { checkAnswer, type AnswerRules } from './answer-check';
import { MAX_JSON_DEPTH, parseBoundedJson } from '../../json';
import {
	DataoortsAnswerError,
	DataoortsStatusError,
	DataoortsTooDeepError,
} from '../../errors/errors';
import type { DataoortsEnvelope } from '../../wire';
import { describeProviderErrors, providerErrorsOf } from './provider-errors';
import type { Redactor } from './redact';
import { contentEncodings, type Headers } from './read-body';
import { parseRetryAfter } from '../request/retry';

/** How one answer is read: whose key to scrub out of it, and what its `response` may be. */
export interface AnswerContext extends AnswerRules {
	redactor: Redactor;
}

/** Start of a body, on one line, for an error message (HTML error pages and the like). */
function snippet(text: string): string {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** One answer, parsed (depth-bounded) and scrubbed of the key, with what error messages quote. */
interface ReadAnswer {
	parsed: boolean;
	value: unknown;
	contentType: string;
	/** The start of the body, scrubbed, for messages; computed on error paths only. */
	snippet(): string;
	empty: boolean;
}

/** The content type, and any content coding: a body left coded is not text. */
function describeType(headers: Headers): string {
	const codings = contentEncodings(headers);
	const type = String(headers['content-type'] ?? 'no content type');
	return codings.length > 0 ? `${type}, Content-Encoding: ${codings.join(', ')}` : type;
}

function readAnswer(
	status: number,
	headers: Headers,
	text: string,
	redactor: Redactor,
): ReadAnswer {
	const parse = parseBoundedJson(text);
	if (!parse.ok && parse.problem === 'too-deep')
		throw new DataoortsTooDeepError(status, MAX_JSON_DEPTH);
	const value = parse.ok ? redactor.value(parse.value) : undefined;
	return {
		parsed: parse.ok,
		value,
		contentType: redactor.diagnostic(describeType(headers)),
		// A parsed body is quoted re-serialised, so a key hidden in \u escapes is redacted too.
		snippet: () => snippet(redactor.diagnostic(parse.ok ? (JSON.stringify(value) ?? '') : text)),
		empty: text.trim() === '',
	};
}

function redirectError(status: number): DataoortsStatusError {
	return new DataoortsStatusError(
		'DATAOORTS_REDIRECT',
		`Dataoorts answered ${status} (a redirect); redirects are not followed so the API key is never sent to another URL. Check the credential's Base URL`,
		status,
		[],
	);
}

function httpStatusError(status: number, headers: Headers, answer: ReadAnswer, redactor: Redactor) {
	const providerErrors = answer.parsed ? providerErrorsOf(answer.value, redactor) : [];
	const detail =
		providerErrors.length > 0
			? describeProviderErrors(providerErrors)
			: answer.parsed
				? `no error message in the body: ${answer.snippet()}`
				: answer.empty
					? 'empty body'
					: `a non-JSON body (${answer.contentType}): ${answer.snippet()}`;
	return new DataoortsStatusError(
		'DATAOORTS_HTTP_STATUS',
		`Dataoorts answered ${status}: ${detail}`,
		status,
		providerErrors,
		parseRetryAfter(headers['retry-after']),
	);
}

/** A 2xx answer: the success envelope, checked, or the error saying what it is instead. */
function successOf(status: number, answer: ReadAnswer, context: AnswerContext): DataoortsEnvelope {
	if (!answer.parsed) {
		throw new DataoortsAnswerError(
			'DATAOORTS_INVALID_RESPONSE',
			`Dataoorts answered ${status} with a body that is not valid JSON (${answer.contentType}): ${answer.snippet() || 'empty body'}`,
			status,
		);
	}
	const body = answer.value as { success?: unknown; result?: unknown } | null;
	if (body !== null && typeof body === 'object' && body.success === false) {
		const providerErrors = providerErrorsOf(body, context.redactor);
		throw new DataoortsStatusError(
			'DATAOORTS_API_FAILURE',
			`Dataoorts answered success: false: ${providerErrors.length > 0 ? describeProviderErrors(providerErrors) : 'no error message given'}`,
			status,
			providerErrors,
		);
	}
	if (
		body === null ||
		typeof body !== 'object' ||
		body.success !== true ||
		body.result === null ||
		typeof body.result !== 'object'
	) {
		throw new DataoortsAnswerError(
			'DATAOORTS_INVALID_RESPONSE',
			`Dataoorts answered ${status} with JSON that is not the documented envelope ({ success, result, errors }): ${answer.snippet()}`,
			status,
		);
	}
	return checkAnswer(body as unknown as DataoortsEnvelope, status, context);
}

/**
 * Turns one HTTP answer into the checked success envelope or a typed error, with the key
 * scrubbed out of both. Redirects are never followed (the Bearer key must not travel to
 * another URL), so a 3xx is an error here.
 */
export function classifyAnswer(
	status: number,
	headers: Headers,
	text: string,
	context: AnswerContext,
): DataoortsEnvelope {
	if (status >= 300 && status < 400) throw redirectError(status);
	const answer = readAnswer(status, headers, text, context.redactor);
	if (status < 200 || status >= 300)
		throw httpStatusError(status, headers, answer, context.redactor);
	return successOf(status, answer, context);
}
