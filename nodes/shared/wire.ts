/**
 * The Dataoorts wire format, once for both nodes: the request body `{ model, data: { messages,
 * <hyperparameters> } }` and the success envelope. Tool calls and tool messages follow the
 * Workers-AI shape the API's answers mirror (Dataoorts does not document them).
 */
import type { ProviderError } from './errors/errors';
import type { InlineImage } from './inline-image';

/** An image as the API takes it upstream: a data URI (kept as bytes until sent), no http URLs. */
export interface ImageContentPart {
	type: 'image_url';
	image_url: { url: string | InlineImage };
}

export type ContentPart = { type: 'text'; text: string } | ImageContentPart;

export interface WireToolCall {
	id: string;
	name: string;
	arguments: Record<string, unknown>;
}

/** One message of `data.messages`. */
export type WireMessage =
	| { role: 'system' | 'user'; content: string | ContentPart[] }
	| { role: 'assistant'; content: string | ContentPart[]; tool_calls?: WireToolCall[] }
	| { role: 'tool'; content: string; tool_call_id: string; name?: string };

export interface ChatRequestBody {
	model: string;
	data: { messages: WireMessage[] } & Record<string, unknown>;
}

/** The documented success envelope. */
export interface DataoortsEnvelope {
	success: true;
	errors: ProviderError[];
	messages: unknown[];
	result: {
		response: unknown;
		tool_calls?: unknown[];
		usage?: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number };
		[key: string]: unknown;
	};
	[key: string]: unknown;
}
