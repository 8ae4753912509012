// Tool use and text helpers for the loopback Dataoorts server's success answers (./contract.js):
// "[[tool:NAME]]" directives, automatic tool calls for the agent example, tool results quoted
// back, and values shaped after a (simple) JSON schema.
'use strict';

function words(text) {
	return String(text).split(/\s+/).filter(Boolean).length;
}

function contentText(content) {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) {
		return content
			.filter((part) => part && part.type === 'text')
			.map((part) => part.text)
			.join(' ');
	}
	return '';
}

/** A value following a (simple) JSON schema, every string in it the given text. */
function fromSchema(schema, text) {
	switch (schema && schema.type) {
		case 'object':
			return Object.fromEntries(
				Object.entries(schema.properties ?? {}).map(([key, property]) => [
					key,
					fromSchema(property, text),
				]),
			);
		case 'array':
			return [fromSchema(schema.items, text)];
		case 'number':
		case 'integer':
			return words(text);
		case 'boolean':
			return true;
		default:
			return text;
	}
}

/** Tool calls asked for by "[[tool:NAME]]" or "[[tool:NAME:{json args}]]" directives, in order. */
function directiveToolCalls(text) {
	const calls = [];
	for (const match of String(text).matchAll(
		/\[\[tool:([A-Za-z0-9_.-]+)(?::(\{[\s\S]*?\}))?\]\]/g,
	)) {
		let args = {};
		try {
			args = match[2] ? JSON.parse(match[2]) : {};
		} catch {
			args = match[2];
		}
		calls.push({ name: match[1], arguments: args });
	}
	return calls;
}

function usage(completion) {
	return { completion_tokens: completion, prompt_tokens: 1, total_tokens: completion + 1 };
}

/**
 * With auto tool calls on (the agent example), a user turn with tools bound calls the first
 * tool, its string arguments filled with the user's text, as a tool-using model would.
 */
function autoToolCall(last, tools) {
	const fn = tools[0].function ?? tools[0];
	return {
		name: fn.name,
		arguments: fromSchema(fn.parameters ?? { type: 'object' }, contentText(last.content)),
	};
}

/**
 * Tool use, for the chat-model sub-node: a tool directive in the last message (a user one) is
 * answered like a model with tools answers, with result.tool_calls = [{ name, arguments }] (no
 * ids) and no text; when the last message is a tool result, the answer quotes it.
 */
function toolTurnAnswer(messages, tools, autoToolCalls) {
	const last = messages[messages.length - 1];
	if (last.role === 'tool') {
		const response = `Tool ${last.name ?? '?'} said: ${contentText(last.content)}`;
		return {
			errors: [],
			messages: [],
			result: { response, tool_calls: [], usage: usage(words(response)) },
			success: true,
		};
	}
	let toolCalls = last.role === 'user' ? directiveToolCalls(contentText(last.content)) : [];
	if (
		toolCalls.length === 0 &&
		autoToolCalls &&
		last.role === 'user' &&
		Array.isArray(tools) &&
		tools.length > 0
	) {
		toolCalls = [autoToolCall(last, tools)];
	}
	if (toolCalls.length === 0) return undefined;
	return {
		errors: [],
		messages: [],
		result: { response: null, tool_calls: toolCalls, usage: usage(1) },
		success: true,
	};
}

module.exports = { words, contentText, fromSchema, directiveToolCalls, toolTurnAnswer };
