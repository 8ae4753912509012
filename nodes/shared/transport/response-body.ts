import { DataoortsResponseError, DataoortsStatusError, type ProviderError } from '../errors/errors';
import { parseJson } from '../json';
import type { DataoortsSuccessBody } from '../wire';
import { parseRetryAfter } from './retry';

export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

type Headers = Record<string, string | string[] | undefined>;

/** Reads at most `maxBytes`: a runaway answer ends with an error, not with n8n out of memory. */
export async function readCappedText(
	body: AsyncIterable<Buffer> & {
		destroy(): unknown;
		on(event: 'error', listener: () => void): unknown;
		text(): Promise<string>;
	},
	headers: Headers,
	status: number,
	maxBytes: number,
): Promise<string> {
	/** Stops reading and returns the error to throw. */
	const tooLarge = () => {
		// Closing the body makes it emit an abort error that nobody reads; swallow that one.
		body.on('error', () => {});
		body.destroy();
		return new DataoortsResponseError(
			'DATAOORTS_RESPONSE_TOO_LARGE',
			`Dataoorts answered ${status} with a body larger than the ${maxBytes}-byte limit`,
			status,
		);
	};
	const declared = Number(headers['content-length']);
	if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
	// A declared length within the cap (the usual case) is read in one go; only an undeclared
	// (chunked) body needs counting as it streams.
	if (Number.isFinite(declared)) return await body.text();
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of body) {
		size += chunk.length;
		if (size > maxBytes) throw tooLarge();
		chunks.push(chunk);
	}
	return Buffer.concat(chunks, size).toString('utf8');
}

/** Start of a non-JSON body, on one line, for an error message (HTML error pages and the like). */
function snippet(text: string): string {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

function providerErrorsOf(parsed: unknown): ProviderError[] {
	const errors = (parsed as { errors?: unknown } | null)?.errors;
	if (!Array.isArray(errors)) return [];
	return errors
		.filter(
			(entry): entry is { code?: unknown; message?: unknown } =>
				entry !== null && typeof entry === 'object',
		)
		.map((entry) => ({
			...(typeof entry.code === 'number' ? { code: entry.code } : {}),
			message: typeof entry.message === 'string' ? entry.message : JSON.stringify(entry),
		}));
}

function describeProviderErrors(errors: ProviderError[]): string {
	return errors
		.map((error) =>
			error.code === undefined ? error.message : `${error.message} (code ${error.code})`,
		)
		.join('; ');
}

/**
 * Turns one HTTP answer into the success envelope or a typed error. Redirects are never
 * followed (the Bearer key must not travel to another URL), so a 3xx is an error here.
 */
export function classifyAnswer(
	status: number,
	headers: Headers,
	text: string,
): DataoortsSuccessBody {
	const parsed = parseJson(text);
	const contentType = String(headers['content-type'] ?? 'no content type');

	if (status >= 300 && status < 400) {
		throw new DataoortsStatusError(
			'DATAOORTS_REDIRECT',
			`Dataoorts answered ${status} (a redirect); redirects are not followed so the API key is never sent to another URL. Check the credential's Base URL`,
			status,
			[],
		);
	}

	if (status < 200 || status >= 300) {
		const providerErrors = parsed.ok ? providerErrorsOf(parsed.value) : [];
		const detail =
			providerErrors.length > 0
				? describeProviderErrors(providerErrors)
				: parsed.ok
					? `no error message in the body: ${snippet(text)}`
					: text.trim() === ''
						? 'empty body'
						: `a non-JSON body (${contentType}): ${snippet(text)}`;
		throw new DataoortsStatusError(
			'DATAOORTS_HTTP_STATUS',
			`Dataoorts answered ${status}: ${detail}`,
			status,
			providerErrors,
			parseRetryAfter(headers['retry-after']),
		);
	}

	if (!parsed.ok) {
		throw new DataoortsResponseError(
			'DATAOORTS_INVALID_RESPONSE',
			`Dataoorts answered ${status} with a body that is not valid JSON (${contentType}): ${snippet(text) || 'empty body'}`,
			status,
		);
	}
	const body = parsed.value as { success?: unknown; result?: unknown } | null;
	if (body !== null && typeof body === 'object' && body.success === false) {
		const providerErrors = providerErrorsOf(body);
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
		throw new DataoortsResponseError(
			'DATAOORTS_INVALID_RESPONSE',
			`Dataoorts answered ${status} with JSON that is not the documented envelope ({ success, result, errors }): ${snippet(text)}`,
			status,
		);
	}
	return body as unknown as DataoortsSuccessBody;
}
