/**
 * classifyAnswer: what one HTTP answer becomes, with the key scrubbed out of every part of it
 * and nesting bounded before anything recurses over it.
 */
import {
	DataoortsError,
	DataoortsStatusError,
	DataoortsTooDeepError,
} from '../../../../../nodes/shared/errors/errors';
import { REDACTED, createRedactor } from '../../../../../nodes/shared/transport/answer/redact';
import { classifyAnswer } from '../../../../../nodes/shared/transport/answer/answer-body';

const KEY = 'dk-live-SECRET-1234';
const context = { redactor: createRedactor(KEY) };
const json = { 'content-type': 'application/json' };

function failure(status: number, headers: Record<string, string>, text: string): DataoortsError {
	try {
		classifyAnswer(status, headers, text, context);
	} catch (error) {
		return error as DataoortsError;
	}
	throw new Error('expected an error');
}

function everything(error: DataoortsError): string {
	return JSON.stringify({ ...error, message: error.message });
}

describe('the key never survives', () => {
	test('in a provider message, a message object, and the stored body', () => {
		const error = failure(
			401,
			json,
			JSON.stringify({
				success: false,
				errors: [
					{ code: 10000, message: `Bad key Bearer ${KEY}` },
					{ code: 5006, message: { got: KEY } },
				],
			}),
		) as DataoortsStatusError;
		expect(error.message).toBe(
			`Dataoorts answered 401: Bad key Bearer ${REDACTED} (code 10000); {"code":5006,"message":{"got":"${REDACTED}"}} (code 5006)`,
		);
		expect(everything(error)).not.toContain(KEY);
	});

	test('in an HTML page and its content type, and in a key hidden in \\u escapes', () => {
		const html = failure(500, { 'content-type': `text/html; k=${KEY}` }, `<p>${KEY}</p>`);
		expect(html.message).toBe(
			`Dataoorts answered 500: a non-JSON body (text/html; k=${REDACTED}): <p>${REDACTED}</p>`,
		);
		const escaped = KEY.replace(/S/g, '\\u0053');
		const hidden = failure(500, json, `{"detail":"${escaped}"}`);
		expect(hidden.message).toBe(
			`Dataoorts answered 500: no error message in the body: {"detail":"${REDACTED}"}`,
		);
	});

	test('in a success answer, keys included', () => {
		const answer = classifyAnswer(
			200,
			json,
			JSON.stringify({
				success: true,
				errors: [],
				messages: [KEY],
				result: { response: `your key is ${KEY}`, [KEY]: true },
			}),
			context,
		);
		expect(JSON.stringify(answer)).not.toContain(KEY);
		expect(answer.result.response).toBe(`your key is ${REDACTED}`);
	});
});

test('provider messages are capped: at most 10, each at most 500 characters', () => {
	const errors = Array.from({ length: 20 }, (_, code) => ({ code, message: 'x'.repeat(5000) }));
	const error = failure(400, json, JSON.stringify({ success: false, errors }));
	expect(error.providerErrors).toHaveLength(10);
	expect(error.providerErrors[0].message).toHaveLength(501);
});

describe('over-deep JSON is an error of its own, never a stack overflow', () => {
	const deep = `{"errors":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;

	test.each([
		[400, false],
		[401, false],
		[200, false],
		[503, true],
		[429, true],
	])('status %i → DATAOORTS_RESPONSE_TOO_DEEP, retryable: %p', (status, retryable) => {
		const error = failure(status, json, deep);
		expect(error).toBeInstanceOf(DataoortsTooDeepError);
		expect(error.code).toBe('DATAOORTS_RESPONSE_TOO_DEEP');
		expect(error.retryable).toBe(retryable);
		expect(error.message).toBe(
			`Dataoorts answered ${status} with JSON nested deeper than 100 levels; it was not read`,
		);
	});
});

test('a success envelope with an unusable answer is refused, naming the fault', () => {
	const error = failure(200, json, '{"success":true,"errors":[],"messages":[],"result":{}}');
	expect(error.code).toBe('DATAOORTS_INVALID_RESPONSE');
	expect(error.message).toContain('no result.response');
});
