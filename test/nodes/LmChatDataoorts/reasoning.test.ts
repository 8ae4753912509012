/**
 * The Dataoorts Chat Model with reasoning models, through supplyData → the SDK → LangChain: the
 * chain or agent gets only the answer, the thoughts travel as the SDK's reasoning content on the
 * message, and a cut answer reports finish reason "length".
 */
import { AIMessageChunk, HumanMessage, SystemMessage } from '@langchain/core/messages';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { ChatPromptTemplate } from '@langchain/core/prompts';

import { LmChatDataoorts } from '../../../nodes/LmChatDataoorts/LmChatDataoorts.node';
import { chatModelHarness } from '../../helpers/chat-model';
import { SECRET_KEY } from '../../helpers/fixtures';
import { useDataoortsServer } from '../../helpers/server';
import r1Answer from '../../fixtures/r1-answer.json';

const server = useDataoortsServer({ apiKey: SECRET_KEY });
const { supplyModel } = chatModelHarness(() => server.current.baseUrl);

const R1 = 'deepseek-ai/deepseek-r1-distill-qwen-32b';
const [R1_THOUGHTS, R1_TEXT] = r1Answer.result.response.split('\n</think>\n\n');
const SEED_QUESTION = [
	new SystemMessage('You are an expert deep learning engineer'),
	new HumanMessage('What is Deep Learning'),
];

const atList = (value: string) => ({ __rl: true, mode: 'list', value });

test('the documented R1 answer: the answer as text, the thoughts as reasoning, cut: finish reason length', async () => {
	const { model, recorded } = await supplyModel({
		model: atList(R1),
		options: { maxTokens: 512 },
	});
	const message = await model.invoke(SEED_QUESTION);
	expect(message.content).toEqual([
		{ type: 'reasoning', reasoning: R1_THOUGHTS },
		{ type: 'text', text: R1_TEXT },
	]);
	expect(message.text).toBe(R1_TEXT);
	expect(message.response_metadata.finish_reason).toBe('length');
	// n8n's AI logs record the generation's text: the answer. (Its tracing, @n8n/ai-utilities 0.34,
	// keeps only `text` and `generationInfo`, so the reasoning block is on the message alone.)
	expect(JSON.stringify(recorded.outputs)).toContain(JSON.stringify(R1_TEXT).slice(1, 60));
});

test('a Basic LLM Chain (prompt → model → string parser) returns only the answer', async () => {
	const { model } = await supplyModel({ model: atList('qwen/qwq-32b') });
	const chain = ChatPromptTemplate.fromMessages([['human', '{question}']])
		.pipe(model)
		.pipe(new StringOutputParser());
	await expect(chain.invoke({ question: 'Why is the sky blue?' })).resolves.toBe(
		'Echo: Why is the sky blue?',
	);
});

test('a finished answer: finish reason stop', async () => {
	const { model } = await supplyModel({ model: atList(R1), options: { maxTokens: 200 } });
	const message = await model.invoke([new HumanMessage('Short question')]);
	expect(message.text).toBe('Echo: Short question');
	expect(message.response_metadata.finish_reason).toBe('stop');
});

test('any model cut at Maximum Number of Tokens: finish reason length', async () => {
	const { model } = await supplyModel({ options: { maxTokens: 2 } });
	const message = await model.invoke([new HumanMessage('one two three')]);
	expect(message.text).toBe('Echo: one');
	expect(message.response_metadata.finish_reason).toBe('length');
});

test('cut inside the thoughts: an empty answer, the thoughts as reasoning, finish reason length', async () => {
	const { model } = await supplyModel({ model: atList(R1), options: { maxTokens: 4 } });
	const message = await model.invoke([new HumanMessage('Deep question')]);
	expect(message.text).toBe('');
	expect(message.content).toContainEqual({ type: 'reasoning', reasoning: 'Okay, so I need' });
	expect(message.response_metadata.finish_reason).toBe('length');
});

test('stream(): only the answer as text, the finish reason at the end', async () => {
	const { model } = await supplyModel({ model: atList(R1), options: { maxTokens: 512 } });
	let merged: AIMessageChunk | undefined;
	for await (const chunk of await model.stream(SEED_QUESTION)) {
		merged = merged ? merged.concat(chunk) : chunk;
	}
	expect(merged!.text).toBe(R1_TEXT);
	expect(merged!.response_metadata.finish_reason).toBe('length');
});

test('the "connect this node" notice uses n8n\'s class, hidden once the output is connected', () => {
	const notice = new LmChatDataoorts().description.properties.find(
		(property) => property.type === 'notice',
	)!;
	expect(notice.typeOptions).toEqual({ containerClass: 'ndv-connection-hint-notice' });
});
