/**
 * The Dataoorts chat model for n8n's AI nodes (Basic LLM Chain, AI Agent, …).
 *
 * This module imports @n8n/ai-node-sdk at the top, so it must only ever be `require()`d lazily,
 * from supplyData(). The node file imports it as a type only: n8n 1.x (and 2.x before 2.16.0)
 * has no SDK, and a failing require in a node file would stop the whole package from loading.
 */
import { BaseChatModel, getParametersJsonSchema } from '@n8n/ai-node-sdk';
import type { ChatModelConfig, GenerateResult, Message, StreamChunk, Tool } from '@n8n/ai-node-sdk';
import type { INode } from 'n8n-workflow';

import { toNodeError } from '../Dataoorts/node-error';
import { hyperparameterFields } from '../Dataoorts/request-body';
import { sendChatRequest, type GovernorLogger } from '../Dataoorts/transport';
import { fromDataoortsAnswer, toDataoortsMessages } from './mapping';

/** The SDK's config plus Dataoorts' own hyperparameter; names are those of the parameter table. */
export interface DataoortsChatModelConfig extends ChatModelConfig {
	repetitionPenalty?: number;
}

/** How to reach Dataoorts; none of it is sent in the body. */
export interface DataoortsConnection {
	baseUrl: string;
	apiKey: string;
	allowInsecureHttp?: boolean;
	/** Time limit of one attempt, in ms. */
	timeoutMs: number;
	/** Retries after the first attempt. */
	maxRetries: number;
	/** Longest total wait of one call on the account's rate limit, in ms (default 300 s). */
	maxRateLimitWaitMs?: number;
	/** The sub-node's logger: the account's governor reports cuts and pauses there. */
	logger?: GovernorLogger;
	/** When set, failures are reported as this node's NodeApiError (with a hint), as in the Dataoorts node. */
	node?: INode;
	itemIndex?: number;
}

/** What `generate` and `stream` receive from the SDK's LangChain adapter: LangChain call options. */
type CallConfig = DataoortsChatModelConfig & { signal?: AbortSignal };

/** SDK tools → Dataoorts `data.tools` (function definitions with a JSON schema). */
export function toDataoortsTools(tools: Tool[]): Array<Record<string, unknown>> {
	return tools
		.filter((tool): tool is Extract<Tool, { type: 'function' }> => tool.type === 'function')
		.map((tool) => ({
			type: 'function',
			function: {
				name: tool.name,
				description: tool.description ?? '',
				// n8n's tools carry a Zod schema; this turns any supported schema into JSON schema.
				parameters: getParametersJsonSchema(tool),
			},
		}));
}

export class DataoortsChatModel extends BaseChatModel<DataoortsChatModelConfig> {
	// TS-private only: withTools() clones with Object.assign, which skips JS #private fields.
	private readonly connection: DataoortsConnection;

	constructor(
		modelId: string,
		connection: DataoortsConnection,
		defaultConfig?: DataoortsChatModelConfig,
	) {
		super('dataoorts', modelId, defaultConfig);
		// The key stays readable but is not enumerable, so logging or serialising the model (or
		// its withTools() clones, which share this object) never prints it; nor n8n's logger.
		const { apiKey, logger, ...rest } = connection;
		this.connection = Object.defineProperties({ ...rest } as DataoortsConnection, {
			apiKey: { value: apiKey, enumerable: false },
			logger: { value: logger, enumerable: false },
		});
	}

	/** The documented request body: `{ model, data: { messages, <set hyperparameters>, tools? } }`. */
	buildRequestBody(
		messages: Message[],
		config?: DataoortsChatModelConfig,
	): { model: string; data: Record<string, unknown> } {
		const merged = this.mergeConfig(config) as Record<string, unknown>;
		const data: Record<string, unknown> = {
			messages: toDataoortsMessages(messages),
			...hyperparameterFields(merged),
		};
		if (this.tools.length > 0) {
			const tools = toDataoortsTools(this.tools);
			if (tools.length > 0) data.tools = tools;
		}
		return { model: this.modelId, data };
	}

	async generate(messages: Message[], config?: DataoortsChatModelConfig): Promise<GenerateResult> {
		const call = config as CallConfig | undefined;
		// Through LangChain the execution's cancel signal arrives as `signal`.
		const signal = call?.signal ?? call?.abortSignal ?? this.defaultConfig?.abortSignal;
		const { connection } = this;
		try {
			const answer = await sendChatRequest({
				baseUrl: connection.baseUrl,
				apiKey: connection.apiKey,
				allowInsecureHttp: connection.allowInsecureHttp === true,
				body: this.buildRequestBody(messages, config),
				timeoutMs: connection.timeoutMs,
				maxRetries: connection.maxRetries,
				maxRateLimitWaitMs: connection.maxRateLimitWaitMs,
				signal,
				logger: connection.logger,
			});
			return fromDataoortsAnswer(answer);
		} catch (error) {
			if (connection.node === undefined) throw error;
			throw toNodeError(connection.node, error, connection.itemIndex ?? 0);
		}
	}

	/**
	 * Dataoorts answers in one piece, so a stream is the whole answer as deltas. Needed when the
	 * AI Agent streams (Chat Trigger with streaming on). Each tool call keeps its own id: the
	 * adapter gives every tool-call chunk index 0, and LangChain keeps chunks apart by id only.
	 */
	async *stream(
		messages: Message[],
		config?: DataoortsChatModelConfig,
	): AsyncIterable<StreamChunk> {
		const result = await this.generate(messages, config);
		for (const part of result.message.content) {
			if (part.type === 'text' && part.text !== '') {
				yield { type: 'text-delta', delta: part.text };
			} else if (part.type === 'tool-call') {
				yield {
					type: 'tool-call-delta',
					id: part.toolCallId,
					name: part.toolName,
					argumentsDelta: part.input,
				};
			}
		}
		yield { type: 'finish', finishReason: result.finishReason ?? 'stop', usage: result.usage };
	}
}
