// How the loopback server's reasoning models and Llama Guard answer, in the shapes their pages
// document (copied to test/fixtures): thoughts closed by "</think>" with no opening tag, then the
// answer; and Llama Guard's "\n\nsafe" or "\n\nunsafe\nS1,S10".
'use strict';

const { readFileSync } = require('node:fs');
const path = require('node:path');

const fixture = (name) =>
	JSON.parse(readFileSync(path.join(__dirname, '../fixtures', name), 'utf8'));

/** Each reasoning model's documented answer to the seed's question (cut at 512 tokens). */
const DOCUMENTED_REASONING = {
	'deepseek-ai/deepseek-r1-distill-qwen-32b': fixture('r1-answer.json'),
	'qwen/qwq-32b': fixture('qwq-answer.json'),
};

const GUARD_MODEL = 'meta/llama-guard-3-8b';
const GUARD_ANSWERS = fixture('llama-guard-answers.json');

/** Words the stand-in Llama Guard flags, with the hazard category each stands for. */
const HAZARDS = [
	[/\b(kill|bomb|attack|hurt)\b/i, 'S1'],
	[/\b(steal|fraud|scam)\b/i, 'S2'],
	[/\bhate\b/i, 'S10'],
];

/** The documented answer for the seed's messages sent to a reasoning model, if that is the request. */
function documentedAnswer(body, seedMessages) {
	const answer = DOCUMENTED_REASONING[body.model];
	const isSeedQuestion = JSON.stringify(body.data.messages) === JSON.stringify(seedMessages);
	return answer && isSeedQuestion ? answer : undefined;
}

/** Llama Guard's verdict on a text: the documented answers' exact form. */
function guardVerdict(text) {
	const codes = HAZARDS.filter(([pattern]) => pattern.test(text)).map(([, code]) => code);
	if (codes.length === 0) return GUARD_ANSWERS.safe.result.response;
	return `\n\nunsafe\n${codes.join(',')}`;
}

/** What a model of the catalog answers to `reply` (the echo): its documented shape. */
function shapedReply(model, reply, userText) {
	if (model in DOCUMENTED_REASONING) {
		return `Okay, so I need to answer this: ${reply}. Let me think it over.\n</think>\n\n${reply}`;
	}
	if (model === GUARD_MODEL) return guardVerdict(userText);
	return reply;
}

module.exports = { documentedAnswer, shapedReply, GUARD_ANSWERS, DOCUMENTED_REASONING };
