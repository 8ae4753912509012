'use strict';
/*
 * Workflow checks, part 4: streaming through n8n's HTTP endpoints, with n8n running (`n8n start`,
 * the workflows published first). The stand-in streams 20 pieces 100 ms apart: the first piece
 * must reach the client before the stand-in has sent its fifth, in at least 10 separate arrivals,
 * the text equal to the stand-in's. Against a stand-in that ignores `stream`, the same text comes in
 * one piece. Entries with `server` run in server-checks.js instead of with `n8n execute`.
 */
const { assert, J } = require('../lib/reporter');
const { postStreaming } = require('../lib/stream-client');
const { AI_SDK_MIN_N8N } = require('../lib/constants');

const PIECES = 20;
const INTERVAL_MS = 100;

/** The `item` chunks one node sent, their text and in how many network arrivals they came. */
function itemsOf(result, nodeName) {
	const items = result.chunks.filter(
		(chunk) => chunk.type === 'item' && chunk.metadata && chunk.metadata.nodeName === nodeName,
	);
	return {
		items,
		text: items.map((chunk) => chunk.content).join(''),
		arrivals: new Set(items.map((chunk) => chunk.arrival)).size,
	};
}

/** The streaming request the stand-in got during `work`, and what `work` returned. */
async function observed(ctx, settings, work) {
	ctx.api.setStreaming(settings);
	const before = ctx.api.requests.length;
	try {
		const result = await work();
		const requests = ctx.api.requests.slice(before);
		return { result, requests };
	} finally {
		ctx.api.setStreaming(undefined);
	}
}

/** Streams, then the same against an upstream that ignores `stream`. */
async function streamBothWays(ctx, send, nodeName) {
	const streamed = await observed(ctx, { pieces: PIECES, intervalMs: INTERVAL_MS }, send);
	const r = streamed.result;
	assert(r.status === 200, `status ${r.status}: ${r.raw.slice(0, 500)}`);
	const upstream = streamed.requests.find((request) => request.body.data.stream === true);
	assert(
		upstream && upstream.pieces,
		`no streaming request reached the stand-in: ${J(streamed.requests.map((q) => q.body))}`,
	);
	const sent = upstream.pieces;
	assert(sent.length === PIECES, `the stand-in sent ${sent.length} pieces, not ${PIECES}`);
	const answer = sent.map((piece) => piece.text).join('');
	const got = itemsOf(r, nodeName);
	assert(
		got.text === answer,
		`streamed text ${J(got.text)}, the stand-in sent ${J(answer)}; chunks ${r.raw.slice(0, 800)}`,
	);
	assert(got.arrivals >= 10, `${got.arrivals} separate arrivals of ${got.items.length} pieces`);
	const firstMs = got.items[0].at - sent[0].at;
	assert(
		got.items[0].at < sent[4].at,
		`the first piece arrived ${Math.round(firstMs)} ms after it was sent, after the stand-in's fifth`,
	);
	const plain = await observed(ctx, { mode: 'ignore' }, send);
	const whole = itemsOf(plain.result, nodeName);
	assert(
		whole.text === answer && whole.items.length === 1,
		`ignoring stream: ${whole.items.length} pieces, text ${J(whole.text)}`,
	);
	return `${got.items.length} pieces in ${got.arrivals} arrivals, the first ${Math.round(firstMs)} ms after the stand-in sent it; without streaming 1 piece`;
}

const webhook = (path) => (srv, question) =>
	postStreaming(`${srv.url}/webhook/${path}`, { question });

module.exports = [
	{
		id: 'streaming-webhook-agent',
		title:
			'Webhook (Response Mode Streaming) -> AI Agent + Dataoorts Chat Model streams to the client',
		workflow: 'streaming-webhook-agent.json',
		versions: `>=${AI_SDK_MIN_N8N}`,
		server: (ctx, srv) =>
			streamBothWays(
				ctx,
				() =>
					webhook('dataoorts-stream-agent')(
						srv,
						'Explain streaming of tokens to a chat client, in short.',
					),
				'AI Agent',
			),
	},
	{
		id: 'streaming-webhook-node',
		title: 'Webhook (Response Mode Streaming) -> Dataoorts node streams to the client',
		workflow: 'streaming-webhook-node.json',
		versions: 'all',
		server: (ctx, srv) =>
			streamBothWays(
				ctx,
				() =>
					webhook('dataoorts-stream-node')(
						srv,
						'Explain streaming of tokens to a chat client, in short.',
					),
				'Dataoorts',
			),
	},
	{
		id: '09-streaming-chat',
		title:
			'Chat Trigger (streaming, hosted chat) -> AI Agent + Dataoorts Chat Model streams the reply',
		workflow: '09-streaming-chat.json',
		versions: `>=${AI_SDK_MIN_N8N}`,
		server: (ctx, srv) => {
			const webhookId = ctx.workflows['09-streaming-chat.json'].nodes[0].webhookId;
			const send = () =>
				postStreaming(`${srv.url}/webhook/${webhookId}/chat`, {
					action: 'sendMessage',
					sessionId: 'e2e-streaming-session',
					chatInput: 'What is a GPU? Say it in a few words.',
				});
			return streamBothWays(ctx, send, 'AI Agent');
		},
	},
];
