// The Dataoorts API contract as the loopback server (./dataoorts-server.js) plays it: the catalog,
// the documented ranges (the seed page, copied to test/fixtures), the seed's own answer for the
// seed's own request, Cloudflare-style `{ success: false, errors: [{ code, message }] }` errors,
// success answers (tool turns in ./tool-turns.js) and the "[[fault:…]]" directives.
'use strict';

const { readFileSync } = require('node:fs');
const path = require('node:path');

const { IMAGE_MODELS, imageContractError } = require('./images');
const { documentedAnswer, shapedReply } = require('./model-answers');
const { words, contentText, fromSchema, toolTurnAnswer } = require('./tool-turns');

const BASE_PATH = '/api/v1';

const CATALOG = new Set([
	'google/gemma-3-12b-it',
	'meta/llama-4-scout-17b-16e-instruct',
	'meta/llama-3.3-70b-instruct-fp8-fast',
	'meta/llama-3.1-70b-instruct',
	'meta/llama-3.1-8b-instruct',
	'meta/llama-guard-3-8b',
	'deepseek-ai/deepseek-r1-distill-qwen-32b',
	'qwen/qwen2.5-coder-32b-instruct',
	'qwen/qwq-32b',
	...Object.keys(IMAGE_MODELS),
]);

// The documented ranges (the seed's table). The server checks them itself, so a test that
// sends a bound proves the real contract accepts it, not only our own validation.
const RANGES = {
	max_tokens: { min: 1, integer: true },
	temperature: { min: 0, max: 5 },
	top_p: { min: 0, max: 2 },
	top_k: { min: 1, max: 50, integer: true },
	seed: { min: 1, max: 9999999999, integer: true },
	repetition_penalty: { min: 0, max: 2 },
	frequency_penalty: { min: 0, max: 2 },
	presence_penalty: { min: 0, max: 2 },
};

/** The seed's example answer: a copy of the provider's page (test/fixtures/README.md). */
const SEED_ANSWER = JSON.parse(
	readFileSync(path.join(__dirname, '../fixtures/seed-answer.json'), 'utf8'),
);

const SEED_MESSAGES = [
	{ role: 'system', content: 'You are an expert deep learning engineer' },
	{ role: 'user', content: 'What is Deep Learning' },
];

function envelopeError(status, code, message) {
	return {
		status,
		body: { result: null, success: false, errors: [{ code, message }], messages: [] },
	};
}

/** The first message without a known role or a string/array content, as an error answer. */
function messagesError(messages) {
	for (const [index, message] of messages.entries()) {
		if (!message || !['system', 'user', 'assistant', 'tool'].includes(message.role)) {
			return envelopeError(400, 5006, `Type mismatch of '/messages/${index}/role'`);
		}
		if (typeof message.content !== 'string' && !Array.isArray(message.content)) {
			return envelopeError(
				400,
				5006,
				`Type mismatch of '/messages/${index}/content', 'string' not in 'null'`,
			);
		}
	}
	return undefined;
}

/** The first documented hyperparameter out of its range, as an error answer. */
function rangeError(data) {
	for (const [name, range] of Object.entries(RANGES)) {
		if (!(name in data)) continue;
		const value = data[name];
		const ok =
			typeof value === 'number' &&
			Number.isFinite(value) &&
			value >= range.min &&
			(range.max === undefined || value <= range.max) &&
			(!range.integer || Number.isInteger(value));
		if (!ok)
			return envelopeError(
				400,
				5006,
				`Type mismatch of '/${name}', value ${JSON.stringify(value)} out of range`,
			);
	}
	return undefined;
}

/** Checks a request body against the contract; returns an error answer or undefined. */
function contractError(body, served = CATALOG) {
	if (body === null || typeof body !== 'object')
		return envelopeError(400, 5004, 'Invalid input: body must be a JSON object');
	const { model, data } = body;
	if (typeof model !== 'string' || !/^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/i.test(model)) {
		return envelopeError(
			404,
			7003,
			`Could not route to ${BASE_PATH}, perhaps your object identifier is invalid?`,
		);
	}
	if (!served.has(model)) return envelopeError(400, 5007, `No such model ${model} or task`);
	if (data === null || typeof data !== 'object')
		return envelopeError(400, 5006, "Error: required properties at '/' are 'data'");
	if (Object.hasOwn(IMAGE_MODELS, model)) return imageContractError(model, data);
	const { messages } = data;
	if (!Array.isArray(messages) || messages.length === 0) {
		return envelopeError(400, 5006, "Error: required properties at '/' are 'messages'");
	}
	const badMessage = messagesError(messages);
	if (badMessage) return badMessage;
	if ('tools' in data && !Array.isArray(data.tools)) {
		return envelopeError(400, 5006, "Type mismatch of '/tools', 'array' expected");
	}
	return rangeError(data);
}

/** The first `count` words of `text`, its own spacing and line breaks kept. */
function firstWords(text, count) {
	const match = text.match(new RegExp(`^\\s*(?:\\S+\\s+){${count - 1}}\\S+`));
	return match ? match[0] : text;
}

/** The echo in the model's documented shape (or the "[[reply]]<text>" scripted text), cut to max_tokens words. */
function replyText(body) {
	const { messages, max_tokens: maxTokens } = body.data;
	const lastUser = [...messages].reverse().find((message) => message.role === 'user');
	const lastText = lastUser ? contentText(lastUser.content) : '';
	// "[[reply]]<text>" makes the model answer exactly <text> (JSON-mode tests); otherwise it echoes.
	const scripted = lastText.match(/\[\[reply\]\]([\s\S]*)$/);
	const response = scripted ? scripted[1] : shapedReply(body.model, `Echo: ${lastText}`, lastText);
	if (typeof maxTokens === 'number' && words(response) > maxTokens) {
		return firstWords(response, maxTokens);
	}
	return response;
}

function successAnswer(body, autoToolCalls = false) {
	const { messages } = body.data;
	const isSeedRequest =
		body.model === 'google/gemma-3-12b-it' &&
		JSON.stringify(messages) === JSON.stringify(SEED_MESSAGES);
	if (isSeedRequest) return SEED_ANSWER;
	const documented = documentedAnswer(body, SEED_MESSAGES);
	if (documented) return documented;
	const toolTurn = toolTurnAnswer(messages, body.data.tools, autoToolCalls);
	if (toolTurn) return toolTurn;
	let response = replyText(body);
	const promptTokens = messages.reduce(
		(sum, message) => sum + words(contentText(message.content)),
		0,
	);
	const completionTokens = words(response);
	// With guided_json, Workers-AI-style upstreams hand back the parsed object (the likely
	// behaviour): a scripted JSON reply is parsed, an echo is shaped after the schema.
	if (body.data.guided_json !== undefined) {
		try {
			response = JSON.parse(response);
		} catch {
			response = fromSchema(body.data.guided_json, response);
		}
	}
	const usage = {
		completion_tokens: completionTokens,
		prompt_tokens: promptTokens,
		total_tokens: promptTokens + completionTokens,
	};
	return { errors: [], messages: [], result: { response, tool_calls: [], usage }, success: true };
}

function parseFault(kind, argument) {
	if (/^\d{3}$/.test(kind)) return { kind: 'status', status: Number(kind), retryAfter: argument };
	return { kind, argument };
}

/**
 * A fault named by a directive in a message (or an image prompt), e.g. "[[fault:503]]" or
 * "[[fault:slow:300]]".
 */
function directiveFault(body) {
	const data = (body && body.data) || {};
	const messages = Array.isArray(data.messages) ? data.messages : [{ content: data.prompt }];
	for (const message of messages) {
		const match = contentText(message && message.content).match(
			/\[\[fault:([a-z0-9-]+)(?::([^\]]+))?\]\]/i,
		);
		if (match) return parseFault(match[1], match[2]);
	}
	return undefined;
}

module.exports = {
	BASE_PATH,
	CATALOG,
	RANGES,
	SEED_ANSWER,
	SEED_MESSAGES,
	envelopeError,
	contractError,
	successAnswer,
	fromSchema,
	directiveFault,
	parseFault,
};
