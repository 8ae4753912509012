import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';

import {
	DataoortsAbortError,
	DataoortsConfigError,
	DataoortsCredentialError,
	DataoortsNetworkError,
	DataoortsRateLimitError,
	DataoortsAnswerError,
	DataoortsStatusError,
	DataoortsStreamError,
	DataoortsTimeoutError,
	DataoortsTooDeepError,
	N8nTooOldError,
	ParameterValidationError,
	ReplyNotJsonError,
	type DataoortsError,
	type DataoortsErrorCode,
} from '../../../../nodes/shared/errors/errors';
import { hintFor, toNodeError } from '../../../../nodes/shared/errors/to-node-error';
import { testNode } from '../../../helpers/fixtures';

const node: INode = testNode({
	id: 'n1',
	name: 'Dataoorts',
	type: 'n8n-nodes-dataoorts.dataoorts',
	typeVersion: 2,
});

const status = (code: number, providerCode?: number) =>
	new DataoortsStatusError(
		'DATAOORTS_HTTP_STATUS',
		`Dataoorts answered ${code}`,
		code,
		providerCode === undefined ? [] : [{ code: providerCode, message: 'm' }],
	);

/** One error of every code, and the n8n error class the editor must show for it. */
const EVERY_CODE: Record<
	DataoortsErrorCode,
	{ error: DataoortsError; shownAs: 'operation' | 'api' }
> = {
	DATAOORTS_INVALID_PARAMETER: {
		error: new ParameterValidationError('options.topK', 'Top K must be 1 to 50'),
		shownAs: 'operation',
	},
	DATAOORTS_INVALID_URL: {
		error: new DataoortsConfigError('DATAOORTS_INVALID_URL', 'bad url'),
		shownAs: 'operation',
	},
	DATAOORTS_INSECURE_URL: {
		error: new DataoortsConfigError('DATAOORTS_INSECURE_URL', 'plain http'),
		shownAs: 'operation',
	},
	DATAOORTS_INVALID_KEY: { error: new DataoortsCredentialError('bad key'), shownAs: 'operation' },
	DATAOORTS_HTTP_STATUS: { error: status(400), shownAs: 'api' },
	DATAOORTS_REDIRECT: {
		error: new DataoortsStatusError('DATAOORTS_REDIRECT', 'redirect', 307, []),
		shownAs: 'api',
	},
	DATAOORTS_API_FAILURE: {
		error: new DataoortsStatusError('DATAOORTS_API_FAILURE', 'success: false', 200, []),
		shownAs: 'api',
	},
	DATAOORTS_INVALID_RESPONSE: {
		error: new DataoortsAnswerError('DATAOORTS_INVALID_RESPONSE', 'not json', 200),
		shownAs: 'api',
	},
	DATAOORTS_RESPONSE_TOO_LARGE: {
		error: new DataoortsAnswerError('DATAOORTS_RESPONSE_TOO_LARGE', 'too large', 200),
		shownAs: 'api',
	},
	DATAOORTS_RESPONSE_TOO_DEEP: { error: new DataoortsTooDeepError(200, 100), shownAs: 'api' },
	DATAOORTS_REPLY_NOT_JSON: { error: new ReplyNotJsonError('hello'), shownAs: 'operation' },
	DATAOORTS_NETWORK: {
		error: new DataoortsNetworkError('Could not reach Dataoorts', 'ECONNRESET', new Error('x')),
		shownAs: 'api',
	},
	DATAOORTS_TIMEOUT: { error: new DataoortsTimeoutError(1000), shownAs: 'api' },
	DATAOORTS_RATE_LIMITED: { error: new DataoortsRateLimitError('limited'), shownAs: 'api' },
	DATAOORTS_STREAM_BROKEN: {
		error: new DataoortsStreamError('the stream broke off after 2 pieces', 2),
		shownAs: 'api',
	},
	DATAOORTS_ABORTED: { error: new DataoortsAbortError(), shownAs: 'api' },
	DATAOORTS_N8N_TOO_OLD: { error: new N8nTooOldError('too old', '2.16.0'), shownAs: 'operation' },
};

describe('toNodeError', () => {
	test.each(Object.entries(EVERY_CODE))('%s is shown as the right n8n error', (code, entry) => {
		expect(entry.error.code).toBe(code);
		const shown = toNodeError(node, entry.error, 3);
		expect(shown).toBeInstanceOf(entry.shownAs === 'api' ? NodeApiError : NodeOperationError);
		expect(shown.message).toContain(entry.error.message);
	});

	test('per-item parameter errors name the item; the description says nothing was sent', () => {
		const shown = toNodeError(node, EVERY_CODE.DATAOORTS_INVALID_PARAMETER.error, 2);
		expect(shown.message).toBe('Top K must be 1 to 50 [item 2]');
		expect(shown.description).toBe('Parameter options.topK. No request was sent for this item.');
	});

	test('API errors keep the status as httpCode, the code and the provider errors, and the message as written', () => {
		const error = new DataoortsStatusError(
			'DATAOORTS_HTTP_STATUS',
			'Dataoorts answered 503: ECONNRESET upstream',
			503,
			[{ code: 1, message: 'busy' }],
		);
		const shown = toNodeError(node, error, 0) as NodeApiError;
		expect(shown.httpCode).toBe('503');
		expect(shown.message).toBe('Dataoorts answered 503: ECONNRESET upstream');
		expect(shown.description).toBe(
			'Dataoorts had a temporary problem; try again later or raise Max Retries.',
		);
	});

	test("n8n's own errors pass through; anything else becomes a NodeOperationError", () => {
		const own = new NodeOperationError(node, 'own');
		expect(toNodeError(node, own, 0)).toBe(own);
		const other = toNodeError(node, new Error('boom'), 1);
		expect(other).toBeInstanceOf(NodeOperationError);
		expect(other.message).toBe('boom');
	});
});

describe('hintFor: the next step by status', () => {
	test.each([
		[401, undefined, 'Check the API key'],
		[403, undefined, 'Check the API key'],
		[404, undefined, 'Check the model ID'],
		[400, 5007, 'Check the model ID'],
		[400, undefined, 'rejected the request as invalid'],
		[413, undefined, 'too large'],
		[429, undefined, 'Max Rate Limit Wait'],
		[408, undefined, 'temporary problem'],
		[502, undefined, 'temporary problem'],
	])('%i (provider code %s)', (code, providerCode, hint) => {
		expect(hintFor(status(code, providerCode))).toContain(hint);
	});

	test('a status without advice has no hint; a network error names its cause', () => {
		expect(hintFor(status(418))).toBeUndefined();
		expect(hintFor(EVERY_CODE.DATAOORTS_NETWORK.error)).toContain('Cause: ECONNRESET.');
	});
});
