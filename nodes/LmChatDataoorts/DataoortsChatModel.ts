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

import type { DataoortsConnection } from '../shared/connection';
import { toNodeError } from '../shared/errors/to-node-error';
import { checkModelTakesImages } from '../shared/images';
import { hyperparameterFields } from '../shared/parameters/api-fields';
import type { HyperparameterOption } from '../shared/parameters/table';
import { isReasoningModel, ReasoningStream, type ReasoningPiece } from '../shared/reasoning-stream';
import { sendChatRequest, type GovernorLogger, type PieceHandler } from '../shared/transport';
import type { ChatRequestBody } from '../shared/wire';
import { fromDataoortsAnswer, toDataoortsMessages } from './mapping';
import { piecesOf } from './pieces';

/** The SDK's config plus every hyperparameter of the table, by its option name. */
export type DataoortsChatModelConfig = ChatModelConfig &
	Partial<Record<HyperparameterOption, number>>;

/** How each call runs; none of it is sent in the body. */
export interface ChatModelCallSettings {
	/** Time limit of one attempt, in ms. */
	timeoutMs: number;
	/** Retries after the first attempt. */
	maxRetries: number;
	/** Longest total wait of one call on the account's rate limit, in ms. */
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
	// The connection's key is not enumerable (connectionFromCredentials), so logging or
	// serialising the model or its clones never prints it.
	constructor(
		modelId: string,
		private readonly connection: DataoortsConnection,
		private readonly settings: ChatModelCallSettings,
		defaultConfig?: DataoortsChatModelConfig,
	) {
		super('dataoorts', modelId, defaultConfig);
	}

	/** The documented request body: `{ model, data: { messages, <set hyperparameters>, tools? } }`. */
	buildRequestBody(messages: Message[], config?: DataoortsChatModelConfig): ChatRequestBody {
		const merged = this.mergeConfig(config) as DataoortsChatModelConfig;
		const wireMessages = toDataoortsMessages(messages);
		if (wireMessages.some((message) => Array.isArray(message.content))) {
			checkModelTakesImages(this.modelId, 'model', 'send the agent text only');
		}
		const data: ChatRequestBody['data'] = {
			messages: wireMessages,
			...hyperparameterFields(merged),
		};
		if (this.tools.length > 0) {
			const tools = toDataoortsTools(this.tools);
			if (tools.length > 0) data.tools = tools;
		}
		return { model: this.modelId, data };
	}

	/** One request through the transport; failures as this node's errors when it has a node. */
	private async request(
		messages: Message[],
		config: DataoortsChatModelConfig | undefined,
		onPiece?: PieceHandler,
	): Promise<GenerateResult> {
		const call = config as CallConfig | undefined;
		// Through LangChain the execution's cancel signal arrives as `signal`.
		const signal = call?.signal ?? call?.abortSignal ?? this.defaultConfig?.abortSignal;
		const { connection, settings } = this;
		const send = async () => {
			const body = this.buildRequestBody(messages, config);
			return fromDataoortsAnswer(
				await sendChatRequest({
					connection,
					body,
					timeoutMs: settings.timeoutMs,
					maxRetries: settings.maxRetries,
					maxRateLimitWaitMs: settings.maxRateLimitWaitMs,
					logger: settings.logger,
					signal,
					onPiece,
				}),
				this.modelId,
				body.data.max_tokens as number | undefined,
			);
		};
		// The model class on its own (no node): the transport's typed DataoortsError as it is.
		const { node } = settings;
		if (node === undefined) return await send();
		try {
			return await send();
		} catch (error) {
			throw toNodeError(node, error, settings.itemIndex ?? 0);
		}
	}

	async generate(messages: Message[], config?: DataoortsChatModelConfig): Promise<GenerateResult> {
		return await this.request(messages, config);
	}

	/**
	 * The answer as Dataoorts writes it: a text delta per piece (for reasoning models, the thoughts
	 * before `</think>` as reasoning deltas, which n8n's adapter keeps out of the chat), then its
	 * tool calls and a finish with usage. Each tool call keeps its own id: the adapter gives every
	 * tool-call chunk index 0, and LangChain keeps chunks apart by id only.
	 */
	async *stream(
		messages: Message[],
		config?: DataoortsChatModelConfig,
	): AsyncIterable<StreamChunk> {
		const split = new ReasoningStream(isReasoningModel(this.modelId));
		let result: GenerateResult | undefined;
		for await (const event of piecesOf((onPiece) => this.request(messages, config, onPiece))) {
			if (typeof event === 'string') yield* split.push(event).map(toDelta);
			else result = event;
		}
		yield* split.end().map(toDelta);
		for (const part of result!.message.content) {
			if (part.type === 'tool-call') {
				yield {
					type: 'tool-call-delta',
					id: part.toolCallId,
					name: part.toolName,
					argumentsDelta: part.input,
				};
			}
		}
		yield { type: 'finish', finishReason: result!.finishReason ?? 'stop', usage: result!.usage };
	}
}

/** A piece of the answer as the SDK's delta. */
function toDelta(piece: ReasoningPiece): StreamChunk {
	return piece.kind === 'text'
		? { type: 'text-delta', delta: piece.text }
		: { type: 'reasoning-delta', delta: piece.text };
}
