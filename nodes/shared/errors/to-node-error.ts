/**
 * The one mapping from the package's errors to the n8n errors the editor shows: NodeOperationError
 * for what the user can fix in the node (parameters, the credential's URL, the n8n version),
 * NodeApiError for what the API or the network answered, each with a next step as its description.
 * The table is keyed by every code of the union, so TypeScript refuses a code without a mapping.
 */
import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

import { MAX_IMAGE_ANSWER_BYTES } from '../transport/answer/image-answer';

import {
	DataoortsError,
	DataoortsNetworkError,
	N8nTooOldError,
	ParameterValidationError,
	type DataoortsErrorCode,
} from './errors';

type Mapping =
	| { kind: 'operation'; perItem: boolean; description: (error: DataoortsError) => string }
	| { kind: 'api'; hint: (error: DataoortsError) => string | undefined };

const RATE_LIMIT_HINT =
	'Dataoorts limits each account (about 300 requests per minute), shared by every workflow using this key: raise Max Rate Limit Wait to let items wait longer, or lower Concurrency.';

/** Provider codes that mean "this model id is not served" (see the API reference). */
const MODEL_ERROR_CODES = new Set([5007, 3042, 7003]);

function statusHint(error: DataoortsError): string | undefined {
	const status = error.status ?? 0;
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

const noHint = () => undefined;

const MAPPINGS: Record<DataoortsErrorCode, Mapping> = {
	DATAOORTS_INVALID_PARAMETER: {
		kind: 'operation',
		perItem: true,
		// The message says it in the panel's words; the path is for workflow JSON and expressions.
		description: (error) =>
			`Parameter ${(error as ParameterValidationError).field}. No request was sent for this item.`,
	},
	DATAOORTS_INVALID_URL: {
		kind: 'operation',
		perItem: false,
		description: () => 'No request was sent.',
	},
	DATAOORTS_INSECURE_URL: {
		kind: 'operation',
		perItem: false,
		description: () => 'No request was sent.',
	},
	DATAOORTS_INVALID_KEY: {
		kind: 'operation',
		perItem: false,
		description: () =>
			'Check the key in the Dataoorts credential: copy it again from https://cloud.dataoorts.com/ai, without quotes, spaces or "Bearer ". No request was sent.',
	},
	DATAOORTS_REPLY_NOT_JSON: {
		kind: 'operation',
		perItem: true,
		description: () =>
			'Ask for JSON more plainly in the messages, give a JSON Schema (for models that support guided JSON), or set Response Format back to Text.',
	},
	DATAOORTS_N8N_TOO_OLD: {
		kind: 'operation',
		perItem: false,
		description: (error) =>
			`This n8n does not provide @n8n/ai-node-sdk, which AI sub-nodes of community packages need. Update n8n to ${(error as N8nTooOldError).minVersion} or newer; until then, use the Dataoorts node, which works on this version.`,
	},
	DATAOORTS_HTTP_STATUS: { kind: 'api', hint: statusHint },
	DATAOORTS_REDIRECT: { kind: 'api', hint: statusHint },
	DATAOORTS_API_FAILURE: {
		kind: 'api',
		hint: () =>
			'Dataoorts accepted the request but reported it as failed; its message above says why.',
	},
	DATAOORTS_INVALID_RESPONSE: {
		kind: 'api',
		hint: () =>
			"The answer was not in Dataoorts' documented form, so it was not used (and not retried). Check that the credential's Base URL points at the Dataoorts API and not at a proxy or another service; if it does, try again later.",
	},
	DATAOORTS_RESPONSE_TOO_DEEP: {
		kind: 'api',
		hint: () =>
			"The answer was left unread: JSON nested this deeply is no Dataoorts answer. Check that the credential's Base URL points at the Dataoorts API.",
	},
	DATAOORTS_RESPONSE_TOO_LARGE: {
		kind: 'api',
		hint: (error) =>
			// Image answers have their own cap (transport/image-answer.ts), named in the message.
			error.message.includes(`${MAX_IMAGE_ANSWER_BYTES}-byte limit`)
				? "The answer was cut off to protect n8n's memory; an image answer may be at most 20 MiB."
				: "The answer was cut off to protect n8n's memory; lower Maximum Number of Tokens.",
	},
	DATAOORTS_NETWORK: {
		kind: 'api',
		hint: (error) => {
			const { causeCode } = error as DataoortsNetworkError;
			return `Check the credential's Base URL and this machine's network or proxy (HTTP_PROXY / HTTPS_PROXY / NO_PROXY).${causeCode ? ` Cause: ${causeCode}.` : ''}`;
		},
	},
	DATAOORTS_TIMEOUT: {
		kind: 'api',
		hint: () => 'Raise the Timeout option for long generations, or lower Maximum Number of Tokens.',
	},
	DATAOORTS_RATE_LIMITED: { kind: 'api', hint: () => RATE_LIMIT_HINT },
	DATAOORTS_STREAM_BROKEN: {
		kind: 'api',
		hint: () =>
			'The streamed answer was not complete, and it is not retried once part of it was shown. Run the item again, or turn off Stream to Chat to get answers in one piece.',
	},
	DATAOORTS_ABORTED: { kind: 'api', hint: noHint },
};

/** The next step shown under an error, by what went wrong. */
export function hintFor(error: DataoortsError): string | undefined {
	const mapping = MAPPINGS[error.code];
	return mapping.kind === 'api' ? mapping.hint(error) : mapping.description(error);
}

function toApiError(node: INode, error: DataoortsError, itemIndex: number): NodeApiError {
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

/**
 * Wraps any failure of one item as the n8n error the editor shows. Built only from messages that
 * never contain the key.
 */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (!(error instanceof DataoortsError)) {
		return new NodeOperationError(node, error instanceof Error ? error : String(error), {
			itemIndex,
		});
	}
	const mapping = MAPPINGS[error.code];
	if (mapping.kind === 'api') return toApiError(node, error, itemIndex);
	const message = mapping.perItem ? `${error.message} [item ${itemIndex}]` : error.message;
	return new NodeOperationError(node, message, {
		itemIndex,
		description: mapping.description(error),
	});
}
