'use strict';
/*
 * Workflow checks, part 5: what Dataoorts' reasoning and safety models answer. Llama Guard's
 * verdict routes rows through an IF node; a reasoning model in a Basic LLM Chain hands the chain
 * only its answer. Entry fields are described in checks/index.js.
 */
const { assert, J } = require('../lib/reporter');
const { nodeOutput, nodeError } = require('../n8n-harness');
const { AI_SDK_MIN_N8N } = require('../lib/constants');

const moderationRoutes = {
	id: '10-moderation',
	title: 'rows -> Llama Guard -> IF on $json.moderation.safe: safe and flagged rows apart',
	workflow: '10-moderation.json',
	versions: 'all',
	verify({ run, requests }) {
		assert(
			requests.length === 4 && requests.every((r) => r.body.model === 'meta/llama-guard-3-8b'),
			`requests ${J(requests.map((r) => r.body.model))}`,
		);
		const verdicts = nodeOutput(run, 'Llama Guard');
		assert(
			verdicts && verdicts.length === 4,
			`Llama Guard output ${J(verdicts)}; error ${J(nodeError(run, 'Llama Guard'))}`,
		);
		assert(
			J(verdicts[1].moderation) ===
				J({ safe: false, categories: [{ code: 'S2', name: 'Non-Violent Crimes' }] }) &&
				verdicts[1].response === '\n\nunsafe\nS2' &&
				verdicts[1].truncated === false,
			`row 2 verdict ${J(verdicts[1])}`,
		);
		const safe = nodeOutput(run, 'Safe Rows');
		const flagged = nodeOutput(run, 'Flagged Rows');
		assert(J(safe && safe.map((row) => row.row)) === J([1, 3]), `Safe Rows ${J(safe)}`);
		assert(
			J(flagged && flagged.map((row) => [row.row, row.categories])) ===
				J([
					[2, 'S2 Non-Violent Crimes'],
					[4, 'S1 Violent Crimes, S10 Hate'],
				]),
			`Flagged Rows ${J(flagged)}`,
		);
		return `safe rows 1, 3; flagged ${J(flagged.map((row) => row.categories))}`;
	},
};

const REASONING_PROMPT = 'Is 1021 a prime number? Answer yes or no, then one sentence why.';

const reasoningChain = {
	id: '11-reasoning-chain',
	title: 'reasoning model in a Basic LLM Chain -> only the answer',
	workflow: '11-reasoning-chain.json',
	versions: `>=${AI_SDK_MIN_N8N}`,
	verify({ run, requests }) {
		assert(
			requests.length === 1 &&
				requests[0].body.model === 'deepseek-ai/deepseek-r1-distill-qwen-32b',
			`requests ${J(requests.map((r) => r.body))}`,
		);
		const chain = nodeOutput(run, 'Basic LLM Chain');
		assert(
			chain && chain.length === 1,
			`Basic LLM Chain output ${J(chain)}; error ${J(nodeError(run, 'Basic LLM Chain'))}`,
		);
		// The stand-in answers as R1 does: thoughts, "</think>", then the answer.
		assert(chain[0].text === `Echo: ${REASONING_PROMPT}`, `chain text ${J(chain[0].text)}`);
		const answer = nodeOutput(run, 'Answer');
		assert(answer && answer[0].answer === chain[0].text, `Answer output ${J(answer)}`);
		return `chain text ${J(chain[0].text)}`;
	},
};

module.exports = [moderationRoutes, reasoningChain];
