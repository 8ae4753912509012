/**
 * The Dataoorts node's answers, streamed to the chat as they arrive when its execution streams
 * (a Chat Trigger, or a Webhook whose Response Mode is Streaming): per item `begin`, an `item` per
 * piece, `end`, through n8n's sendChunk, as n8n's own AI Agent does. The chat gets what `response`
 * holds: with Reasoning `keep` the whole text, else only the answer after a reasoning model's
 * thoughts (reasoning-stream.ts). n8n versions without the streaming API get nothing.
 */
import { NodeConnectionTypes, type IExecuteFunctions } from 'n8n-workflow';

import { isReasoningModel, ReasoningStream } from '../shared/reasoning-stream';
import type { PieceHandler } from '../shared/transport';
import type { ReasoningMode } from './validation';

/** One item's stream: the transport's piece handler, and its end (whatever the outcome). */
export interface ItemStream {
	onPiece: PieceHandler;
	end(): void;
}

/** Opens one item's stream to the chat. */
export type OpenItemStream = (
	itemIndex: number,
	model: string,
	reasoning: ReasoningMode,
) => ItemStream;

type ChunkType = 'begin' | 'item' | 'end';

/**
 * Whether this execution streams: false where n8n has no streaming API, or it fails; false too
 * when an AI Agent calls the node as its tool (the tool's answer is for the agent, not the chat).
 */
function streams(context: IExecuteFunctions): boolean {
	if (typeof context.isStreaming !== 'function' || typeof context.sendChunk !== 'function')
		return false;
	try {
		// An agent's tool runs as an ordinary node whose output n8n rewires to the agent (2.x).
		if (context.getNode().rewireOutputLogTo === NodeConnectionTypes.AiTool) return false;
		if (typeof context.isToolExecution === 'function' && context.isToolExecution()) return false;
		return context.isStreaming() === true;
	} catch {
		return false;
	}
}

/** The item streams to use per item, or undefined when the execution does not stream. */
export function chatStreamOf(context: IExecuteFunctions): OpenItemStream | undefined {
	if (!streams(context)) return undefined;
	const send = (type: ChunkType, itemIndex: number, content?: string) => {
		// n8n's sendChunk is async: a failed write to a closed chat must not fail the item.
		const sent = context.sendChunk(type, itemIndex, content) as unknown;
		if (sent instanceof Promise) sent.catch(() => {});
	};
	return (itemIndex, model, reasoning) => {
		const split = reasoning === 'keep' ? undefined : new ReasoningStream(isReasoningModel(model));
		let begun = false;
		const hand = (pieces: ReturnType<ReasoningStream['push']>) => {
			for (const piece of pieces) {
				if (piece.kind !== 'text') continue;
				if (!begun) send('begin', itemIndex);
				begun = true;
				send('item', itemIndex, piece.text);
			}
		};
		return {
			onPiece: (piece) => hand(split ? split.push(piece) : [{ kind: 'text', text: piece }]),
			end: () => {
				if (split) hand(split.end());
				if (begun) send('end', itemIndex);
			},
		};
	};
}
