import {
	NodeApiError,
	NodeOperationError,
	type INode,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { DataoortsError, DataoortsNetworkError, DataoortsStatusError } from './transport';
import { ReplyNotJsonError } from './response';
import { ParameterValidationError } from './validation';

/** Provider codes that mean "this model id is not served" (see the API reference). */
const MODEL_ERROR_CODES = new Set([5007, 3042, 7003]);

const RATE_LIMIT_HINT =
	'Dataoorts limits each account (about 300 requests per minute), shared by every workflow using this key: raise Max Rate Limit Wait to let items wait longer, or lower Concurrency.';

/** A short next step for the user, by what went wrong. */
export function hintFor(error: DataoortsError): string | undefined {
	if (error.code === 'DATAOORTS_RESPONSE_TOO_LARGE') {
		return "The answer was cut off to protect n8n's memory; lower Maximum Number of Tokens.";
	}
	if (error.code === 'DATAOORTS_TIMEOUT') {
		return 'Raise the Timeout option for long generations, or lower Maximum Number of Tokens.';
	}
	if (error.code === 'DATAOORTS_NETWORK') {
		const cause =
			error instanceof DataoortsNetworkError && error.causeCode
				? ` Cause: ${error.causeCode}.`
				: '';
		return `Check the credential's Base URL and this machine's network or proxy (HTTP_PROXY / HTTPS_PROXY / NO_PROXY).${cause}`;
	}
	if (error.code === 'DATAOORTS_RATE_LIMITED') return RATE_LIMIT_HINT;
	if (error.code === 'DATAOORTS_API_FAILURE') {
		return 'Dataoorts accepted the request but reported it as failed; its message above says why.';
	}
	if (!(error instanceof DataoortsStatusError)) return undefined;
	const { status } = error;
	const modelProblem =
		error.providerErrors.some(
			(entry) => entry.code !== undefined && MODEL_ERROR_CODES.has(entry.code),
		) ||
		(status === 404 && error.code === 'DATAOORTS_HTTP_STATUS');
	if (status === 401 || status === 403) return 'Check the API key in the Dataoorts credential.';
	if (modelProblem) {
		return 'Check the model ID: it may be misspelt or no longer in the Dataoorts catalog.';
	}
	if (status === 400)
		return 'Dataoorts rejected the request as invalid; check the messages and options.';
	if (status === 413)
		return 'The request is too large: shorten the messages or lower Maximum Number of Tokens.';
	if (status === 429) return RATE_LIMIT_HINT;
	if (status === 408 || status >= 500)
		return 'Dataoorts had a temporary problem; try again later or raise Max Retries.';
	return undefined;
}

/**
 * Wraps any failure of one item as the n8n error the editor shows: NodeOperationError for bad
 * parameters and unusable credentials, NodeApiError for what the API (or the network) answered.
 * Built only from messages that never contain the key.
 */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof ReplyNotJsonError) {
		return new NodeOperationError(node, `${error.message} [item ${itemIndex}]`, {
			itemIndex,
			description:
				'Ask for JSON more plainly in the messages, give a JSON Schema (for models that support guided JSON), or set Response Format back to Text.',
		});
	}
	if (error instanceof ParameterValidationError) {
		return new NodeOperationError(node, `${error.message} [item ${itemIndex}]`, {
			itemIndex,
			description: 'No request was sent for this item.',
		});
	}
	if (error instanceof DataoortsError) {
		if (error.code === 'DATAOORTS_INVALID_URL' || error.code === 'DATAOORTS_INSECURE_URL') {
			return new NodeOperationError(node, error.message, {
				itemIndex,
				description: 'No request was sent.',
			});
		}
		const errorResponse: JsonObject = {
			message: error.message,
			code: error.code,
			...(error.providerErrors.length > 0
				? { errors: error.providerErrors.map((entry) => ({ ...entry })) }
				: {}),
		};
		const apiError = new NodeApiError(node, errorResponse, {
			message: error.message,
			description: hintFor(error),
			...(error.status === undefined ? {} : { httpCode: String(error.status) }),
			itemIndex,
		});
		// NodeApiError swaps messages that mention a system error code for a generic sentence;
		// ours already names the cause and the endpoint, so it is kept as written.
		apiError.message = error.message;
		return apiError;
	}
	return new NodeOperationError(node, error instanceof Error ? error : String(error), {
		itemIndex,
	});
}

/**
 * A continue-on-fail item, the way n8n's own nodes make it: `{ error: message }` in the item's
 * place. n8n routes exactly this shape to the error output under "continue (using error output)",
 * in 1.x and 2.x alike, and merges the failed input row into it there.
 */
export function errorItem(
	error: NodeApiError | NodeOperationError,
	itemIndex: number,
): INodeExecutionData {
	return { json: { error: error.message }, pairedItem: { item: itemIndex } };
}
