/**
 * Reasoning models and cut answers in the engine: the documented R1 and QwQ answers (thoughts,
 * "</think>" with no opening tag, the answer cut at max_tokens) become `response` and `reasoning`
 * by node version and option; `truncated` both ways; JSON mode reads the answer part.
 */
import type { INodeParameters } from 'n8n-workflow';

import { type DataoortsNodeSettings } from '../../helpers/engine';
import { runAgainst } from '../../helpers/run-against';
import { SECRET_KEY, SEED_REQUEST } from '../../helpers/fixtures';
import { useDataoortsServer } from '../../helpers/server';
import r1Answer from '../../fixtures/r1-answer.json';
import qwqAnswer from '../../fixtures/qwq-answer.json';

const server = useDataoortsServer({ apiKey: SECRET_KEY });
const run = runAgainst(server);

const R1 = 'deepseek-ai/deepseek-r1-distill-qwen-32b';
const QWQ = 'qwen/qwq-32b';

/** The seed's question to `model`, as its page's example asks it (max_tokens 512). */
function seedQuestion(model: string, typeVersion: number, options: INodeParameters = {}) {
	return {
		typeVersion,
		parameters: {
			model: typeVersion === 1 ? model : { __rl: true, mode: 'list', value: model },
			messages: { values: SEED_REQUEST.data.messages },
			options: { maxTokens: 512, ...options },
		},
	} satisfies DataoortsNodeSettings;
}

async function firstItem(node: DataoortsNodeSettings, items?: object[]) {
	const result = await run(node, items as never);
	expect(result.error).toBeUndefined();
	return result.outputs![0][0].json;
}

/** The documented answers' parts, split by hand: thoughts before "\n</think>\n\n", the answer after. */
function partsOf(answer: typeof r1Answer) {
	const [thoughts, text] = answer.result.response.split('\n</think>\n\n');
	return { thoughts, text };
}

describe.each([
	['deepseek-r1-distill-qwen-32b', R1, r1Answer],
	['qwq-32b', QWQ, qwqAnswer],
])('the documented %s answer', (_name, model, answer) => {
	const { thoughts, text } = partsOf(answer);

	test('version 3: the answer in response, the thoughts in reasoning, cut at 512 tokens', async () => {
		const json = await firstItem(seedQuestion(model, 3));
		expect(json.response).toBe(text);
		expect(json.reasoning).toBe(thoughts);
		expect(json.truncated).toBe(true);
		expect(json.usage).toEqual({
			prompt_tokens: answer.result.usage.prompt_tokens,
			completion_tokens: 512,
			total_tokens: answer.result.usage.total_tokens,
		});
	});

	test.each([1, 2])('version %i: response is the raw text, as before', async (version) => {
		const json = await firstItem(seedQuestion(model, version));
		expect(json.response).toBe(answer.result.response);
		expect(json).not.toHaveProperty('reasoning');
		expect(json.truncated).toBe(true);
	});

	test('Reasoning option: keep, separate, drop (any version)', async () => {
		const keep = await firstItem(seedQuestion(model, 3, { reasoning: 'keep' }));
		expect(keep.response).toBe(answer.result.response);
		expect(keep).not.toHaveProperty('reasoning');
		const separate = await firstItem(seedQuestion(model, 1, { reasoning: 'separate' }));
		expect([separate.response, separate.reasoning]).toEqual([text, thoughts]);
		const drop = await firstItem(seedQuestion(model, 3, { reasoning: 'drop' }));
		expect(drop.response).toBe(text);
		expect(drop).not.toHaveProperty('reasoning');
	});
});

describe('truncated', () => {
	const ask = (model: string, options: INodeParameters, content = 'Tell me about rivers') => ({
		typeVersion: 3,
		parameters: {
			model: { __rl: true, mode: 'id', value: model },
			messages: { values: [{ role: 'user', content }] },
			options,
		},
	});

	test('false when the answer ends below Maximum Number of Tokens, or none was set', async () => {
		for (const options of [{}, { maxTokens: 100 }]) {
			const json = await firstItem(ask('meta/llama-3.1-8b-instruct', options));
			expect(json).toMatchObject({ response: 'Echo: Tell me about rivers', truncated: false });
		}
	});

	test('true when completion_tokens reaches Maximum Number of Tokens', async () => {
		const json = await firstItem(ask('meta/llama-3.1-8b-instruct', { maxTokens: 3 }));
		expect(json).toMatchObject({ response: 'Echo: Tell me', truncated: true });
		expect((json.usage as { completion_tokens: number }).completion_tokens).toBe(3);
	});

	test('a reasoning model cut inside its thoughts: empty response, the thoughts, truncated', async () => {
		const json = await firstItem(ask(QWQ, { maxTokens: 6 }));
		expect(json).toMatchObject({
			response: '',
			reasoning: 'Okay, so I need to answer',
			truncated: true,
		});
	});

	test('a reasoning model that finished: its answer, not truncated', async () => {
		const json = await firstItem(ask(R1, {}));
		expect(json).toMatchObject({
			response: 'Echo: Tell me about rivers',
			reasoning:
				'Okay, so I need to answer this: Echo: Tell me about rivers. Let me think it over.',
			truncated: false,
		});
	});

	test('every item of a version 1 workflow carries it too (a new field, nothing else changes)', async () => {
		const result = await run(
			{
				typeVersion: 1,
				parameters: {
					model: 'meta/llama-3.1-8b-instruct',
					messages: { values: [{ role: 'user', content: '={{ $json.q }}' }] },
					options: { maxTokens: 3 },
				},
			},
			[{ q: 'one two three four' }, { q: 'short' }],
		);
		expect(result.outputs![0].map((item) => [item.json.response, item.json.truncated])).toEqual([
			['Echo: one two', true],
			['Echo: short', false],
		]);
	});
});

describe('other models and answers holding </think>', () => {
	const scripted = (model: string, reply: string, options: INodeParameters = {}) => ({
		typeVersion: 3,
		parameters: {
			model: { __rl: true, mode: 'id', value: model },
			messages: { values: [{ role: 'user', content: `[[reply]]${reply}` }] },
			options,
		},
	});

	test('any model: split at the last </think>, an opening <think> dropped, leading blank lines trimmed', async () => {
		const json = await firstItem(
			scripted(
				'meta/llama-3.1-8b-instruct',
				'<think>first</think> more </think>\n\n\n  Indented answer',
			),
		);
		expect(json).toMatchObject({
			response: '  Indented answer',
			reasoning: 'first more',
			truncated: false,
		});
	});

	test('a model that gives no thoughts: no reasoning field, response as it came', async () => {
		const json = await firstItem(scripted('meta/llama-3.1-8b-instruct', 'Just <think> words'));
		expect(json.response).toBe('Just <think> words');
		expect(json).not.toHaveProperty('reasoning');
	});
});

describe('JSON mode after reasoning', () => {
	const jsonAsk = (typeVersion: number, reply: string, reasoning?: string) => ({
		typeVersion,
		parameters: {
			model: typeVersion === 1 ? R1 : { __rl: true, mode: 'list', value: R1 },
			messages: { values: [{ role: 'user', content: `[[reply]]${reply}` }] },
			options: { responseFormat: 'json', ...(reasoning ? { reasoning } : {}) },
		},
	});
	const reply =
		'The user wants a title. {"draft": true} is not it.\n</think>\n\n```json\n{"title": "Rivers"}\n```';

	test.each([
		[3, undefined],
		[1, undefined],
		[3, 'keep'],
		[3, 'drop'],
	])('version %i, Reasoning %s: data is the parsed answer', async (version, reasoning) => {
		const json = await firstItem(jsonAsk(version, reply, reasoning));
		expect(json.data).toEqual({ title: 'Rivers' });
	});

	test('thoughts cut before the answer: a clear error, not thoughts parsed as JSON', async () => {
		const result = await run(jsonAsk(3, 'Thinking about {"a": 1} still'));
		expect(result.error?.message).toBe(
			"The model's reply has no answer to parse as JSON (Response Format is JSON): it was cut inside its reasoning, before </think>; raise Maximum Number of Tokens [item 0]",
		);
	});
});
