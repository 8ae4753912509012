/**
 * Conversions between the n8n AI SDK's provider-neutral messages and the Dataoorts wire format.
 * Only types are imported from @n8n/ai-node-sdk, so this module loads without the SDK.
 *
 * Dataoorts request history (Workers-AI style):
 *   assistant: { role: 'assistant', content, tool_calls: [{ id, name, arguments: {…} }] }
 *   tool:      { role: 'tool', tool_call_id, name, content: string }
 * Dataoorts answer: result.response (text) and result.tool_calls: [{ name, arguments }]
 * (no ids; an OpenAI-style { id, function: { name, arguments } } entry is accepted too).
 */
import { randomUUID } from 'node:crypto';

import type { GenerateResult, Message, MessageContent } from '@n8n/ai-node-sdk';

import { readAnswerText, type AnswerText } from '../shared/answer-text';
import { parseBoundedJson } from '../shared/json';
import { readUsage } from '../shared/usage';
import type { DataoortsEnvelope, WireMessage, WireToolCall } from '../shared/wire';
import { imageParts } from './images';

/** A unique, non-empty id: LangChain pairs tool results to calls (and stream chunks) by it. */
export function newToolCallId(): string {
	return `call_${randomUUID().replace(/-/g, '')}`;
}

function textOf(content: MessageContent[]): string {
	return content
		.filter((part): part is Extract<MessageContent, { type: 'text' }> => part.type === 'text')
		.map((part) => part.text)
		.join('');
}

/** Text alone, or text and then the message's images as content parts. */
function userContent(content: MessageContent[], messageNumber: number): WireMessage['content'] {
	const images = imageParts(content, messageNumber);
	const text = textOf(content);
	return images.length === 0 ? text : [{ type: 'text', text }, ...images];
}

/** A tool result as the text the model reads. */
function resultText(result: unknown): string {
	if (typeof result === 'string') return result;
	if (
		Array.isArray(result) &&
		result.every((part) => part !== null && typeof part === 'object' && 'type' in part)
	) {
		const text = textOf(result as MessageContent[]);
		if (text !== '') return text;
	}
	return JSON.stringify(result ?? '') ?? '';
}

function parseArguments(input: unknown): Record<string, unknown> {
	let value = input;
	if (typeof input === 'string') {
		// Bounded: the arguments go on to LangChain and the agent's tools, which recurse over them.
		const parsed = parseBoundedJson(input === '' ? '{}' : input);
		if (!parsed.ok) return {};
		value = parsed.value;
	}
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: {};
}

/** SDK messages → Dataoorts `data.messages`. */
export function toDataoortsMessages(messages: Message[]): WireMessage[] {
	// LangChain's AgentExecutor sends tool results without a name: take it from the call.
	const toolNames = new Map<string, string>();
	const out: WireMessage[] = [];
	for (const [index, message] of messages.entries()) {
		switch (message.role) {
			case 'system':
				out.push({ role: 'system', content: textOf(message.content) });
				break;
			case 'user':
				out.push({ role: 'user', content: userContent(message.content, index + 1) });
				break;
			case 'assistant': {
				const calls: WireToolCall[] = [];
				for (const part of message.content) {
					if (part.type !== 'tool-call') continue;
					const id = part.toolCallId || newToolCallId();
					toolNames.set(id, part.toolName);
					calls.push({ id, name: part.toolName, arguments: parseArguments(part.input) });
				}
				out.push({
					role: 'assistant',
					content: textOf(message.content),
					...(calls.length > 0 ? { tool_calls: calls } : {}),
				});
				break;
			}
			case 'tool':
				for (const part of message.content) {
					if (part.type !== 'tool-result') continue;
					const name = message.name ?? toolNames.get(part.toolCallId);
					out.push({
						role: 'tool',
						tool_call_id: part.toolCallId,
						...(name === undefined ? {} : { name }),
						content: resultText(part.result),
					});
				}
				break;
		}
	}
	return out;
}

/** One entry of `result.tool_calls` → an SDK tool-call block, or undefined when it has no name. */
function toToolCallContent(entry: unknown): MessageContent | undefined {
	if (entry === null || typeof entry !== 'object') return undefined;
	const call = entry as {
		id?: unknown;
		name?: unknown;
		arguments?: unknown;
		function?: { name?: unknown; arguments?: unknown };
	};
	const name = typeof call.name === 'string' ? call.name : call.function?.name;
	if (typeof name !== 'string' || name === '') return undefined;
	const args = call.arguments ?? call.function?.arguments;
	return {
		type: 'tool-call',
		// Dataoorts gives no ids; every call gets its own (agents pair results by id).
		toolCallId: newToolCallId(),
		toolName: name,
		input: JSON.stringify(parseArguments(args)),
	};
}

/** The answer's text as SDK content: a reasoning model's thoughts as reasoning, then the answer. */
function textContent(text: string, answerText: AnswerText): MessageContent[] {
	const { split } = answerText;
	if (split === undefined) return text === '' ? [] : [{ type: 'text', text }];
	return [
		...(split.reasoning === '' ? [] : [{ type: 'reasoning' as const, text: split.reasoning }]),
		...(split.answer === '' ? [] : [{ type: 'text' as const, text: split.answer }]),
	];
}

/**
 * The transport's success envelope → SDK GenerateResult. The agent gets only the answer; a reasoning
 * model's thoughts go in the SDK's reasoning block, which chains and agents skip.
 */
export function fromDataoortsAnswer(
	answer: DataoortsEnvelope,
	model = '',
	maxTokens?: number,
): GenerateResult {
	const { result } = answer;
	const text =
		typeof result.response === 'string'
			? result.response
			: result.response === null || result.response === undefined
				? ''
				: JSON.stringify(result.response);
	const usage = readUsage(answer);
	const answerText = readAnswerText(text, model, maxTokens, usage.completionTokens);
	const content = textContent(text, answerText);
	const toolCalls = (Array.isArray(result.tool_calls) ? result.tool_calls : [])
		.map(toToolCallContent)
		.filter((part): part is MessageContent => part !== undefined);
	content.push(...toolCalls);
	if (!content.some((part) => part.type === 'text' || part.type === 'tool-call')) {
		content.push({ type: 'text', text: '' });
	}
	const finishReason =
		toolCalls.length > 0 ? 'tool-calls' : answerText.truncated ? 'length' : 'stop';
	return {
		finishReason,
		message: { role: 'assistant', content },
		usage,
		// LangChain's response_metadata, where n8n's chains and logs look for a finish reason.
		providerMetadata: { finish_reason: finishReason },
		rawResponse: answer,
	};
}
