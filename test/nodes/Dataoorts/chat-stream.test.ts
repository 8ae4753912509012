/**
 * When the Dataoorts node streams to the chat: only in a streaming execution of an n8n with the
 * streaming API, never as an AI Agent's tool (its answer is the agent's, not the chat's).
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { chatStreamOf } from '../../../nodes/Dataoorts/chat-stream';

function context(fields: Record<string, unknown>, node: Record<string, unknown> = {}) {
	const sent: unknown[][] = [];
	const value = {
		getNode: () => ({ name: 'Dataoorts', ...node }),
		sendChunk: (...args: unknown[]) => void sent.push(args),
		isStreaming: () => true,
		...fields,
	};
	return { context: value as unknown as IExecuteFunctions, sent };
}

test('a streaming execution: begin, an item per piece, end', () => {
	const { context: streaming, sent } = context({});
	const item = chatStreamOf(streaming)!(2, 'google/gemma-3-12b-it', 'separate');
	item.onPiece('Hel');
	item.onPiece('lo');
	item.end();
	expect(sent).toEqual([
		['begin', 2, undefined],
		['item', 2, 'Hel'],
		['item', 2, 'lo'],
		['end', 2, undefined],
	]);
});

test.each([
	['separate', 'Deep learning.'],
	['drop', 'Deep learning.'],
	['keep', 'Hmm.</think>\n\nDeep learning.'],
])('a reasoning model with Reasoning %s: the chat gets what response holds', (mode, shown) => {
	const { context: streaming, sent } = context({});
	const item = chatStreamOf(streaming)!(0, 'qwen/qwq-32b', mode as 'separate');
	for (const piece of ['Hmm.</th', 'ink>\n\nDeep ', 'learning.']) item.onPiece(piece);
	item.end();
	expect(
		sent
			.filter(([type]) => type === 'item')
			.map(([, , text]) => text)
			.join(''),
	).toBe(shown);
});

test('no piece, no chunk: an item that failed before its first piece sends nothing', () => {
	const { context: streaming, sent } = context({});
	chatStreamOf(streaming)!(0, 'google/gemma-3-12b-it', 'separate').end();
	expect(sent).toEqual([]);
});

test.each([
	['the execution does not stream', { isStreaming: () => false }, {}],
	[
		'n8n has no streaming API (1.x before it)',
		{ isStreaming: undefined, sendChunk: undefined },
		{},
	],
	[
		'isStreaming throws',
		{
			isStreaming: () => {
				throw new Error('no');
			},
		},
		{},
	],
	['the node runs as an AI Agent tool (2.x)', {}, { rewireOutputLogTo: 'ai_tool' }],
	['the node runs as an AI Agent tool (isToolExecution)', { isToolExecution: () => true }, {}],
])('no streaming when %s', (_name, fields, node) => {
	expect(chatStreamOf(context(fields, node).context)).toBeUndefined();
});

test('a rejected sendChunk (the chat went away) does not fail the item', async () => {
	const unhandled: unknown[] = [];
	const onUnhandled = (reason: unknown) => unhandled.push(reason);
	process.on('unhandledRejection', onUnhandled);
	try {
		const { context: streaming } = context({
			sendChunk: async () => await Promise.reject(new Error('closed')),
		});
		const item = chatStreamOf(streaming)!(0, 'google/gemma-3-12b-it', 'separate');
		expect(() => item.onPiece('x')).not.toThrow();
		item.end();
		await new Promise((resolve) => setTimeout(resolve, 20));
	} finally {
		process.off('unhandledRejection', onUnhandled);
	}
	expect(unhandled).toEqual([]);
});
