'use strict';
/*
 * Workflow checks, part 3: the Dataoorts Chat Model sub-node. It needs @n8n/ai-node-sdk, which n8n
 * ships from 2.16.0 on; before that the same workflow must fail with a clear message and send nothing.
 * Entry fields are described in checks/index.js.
 */
const { assert, J } = require('../lib/reporter');
const { nodeOutput, nodeError } = require('../n8n-harness');
const { API_KEY, AI_SDK_MIN_N8N } = require('../lib/constants');

const CHAIN_PROMPT = 'Name three uses of serverless GPUs.';
const CHAIN_SYSTEM = 'You are a concise assistant. Answer in one sentence.';

const chainAnswers = {
	id: '05-basic-llm-chain',
	title: 'Basic LLM Chain + Dataoorts Chat Model -> answer',
	workflow: '05-basic-llm-chain.json',
	versions: `>=${AI_SDK_MIN_N8N}`,
	verify({ run, requests }) {
		assert(
			requests.length === 1,
			`expected 1 API request, got ${requests.length}: ${J(requests.map((r) => r.body))}`,
		);
		const req = requests[0];
		assert(
			req.headers.authorization === `Bearer ${API_KEY}`,
			`authorization ${req.headers.authorization}`,
		);
		const b = req.body;
		assert(b.model === 'google/gemma-3-12b-it', `model ${b.model}`);
		assert(
			J(b.data.messages) ===
				J([
					{ role: 'system', content: CHAIN_SYSTEM },
					{ role: 'user', content: CHAIN_PROMPT },
				]),
			`messages ${J(b.data.messages)}`,
		);
		const want = { max_tokens: 256, temperature: 0.2, top_p: 0.9 };
		for (const [k, v] of Object.entries(want))
			assert(b.data[k] === v, `data.${k} = ${J(b.data[k])}, want ${v} (body ${J(b)})`);
		assert(!('tools' in b.data), `a plain chain sends no tools: ${J(b.data.tools)}`);
		const chain = nodeOutput(run, 'Basic LLM Chain');
		assert(
			chain && chain.length === 1,
			`Basic LLM Chain output ${J(chain)}; error ${J(nodeError(run, 'Basic LLM Chain'))}`,
		);
		assert(chain[0].text === `Echo: ${CHAIN_PROMPT}`, `chain text ${J(chain[0].text)}`);
		const answer = nodeOutput(run, 'Answer');
		assert(answer && answer[0].answer === `Echo: ${CHAIN_PROMPT}`, `Answer output ${J(answer)}`);
		// the sub-node ran as a language model (its tracing output is in the run data)
		const sub = run.data.resultData.runData['Dataoorts Chat Model'];
		assert(
			sub && sub.length >= 1 && sub[0].data && sub[0].data.ai_languageModel,
			`sub-node run data ${J(sub)}`,
		);
		return `chain text ${J(chain[0].text)}`;
	},
};

const chainExplainsOldN8n = {
	id: '05-basic-llm-chain',
	title: `Dataoorts Chat Model on n8n < ${AI_SDK_MIN_N8N} fails with a clear message, nothing sent`,
	workflow: '05-basic-llm-chain.json',
	versions: `<${AI_SDK_MIN_N8N}`,
	expect: 'failure',
	verify({ result: r, requests }) {
		const want = `The Dataoorts Chat Model needs n8n ${AI_SDK_MIN_N8N} or newer`;
		const runError = r.run && r.run.data.resultData.error;
		// n8n reports it as "Error in sub-node <name>" with the node's message as description.
		const shown = runError
			? `${runError.message}: ${runError.description}`
			: `${r.stdout}\n${r.stderr}`;
		assert(
			shown.includes(want),
			`no clear message (exit ${r.code}): run error ${J(runError).slice(0, 3000)}\n${r.stderr.slice(-1000)}`,
		);
		assert(requests.length === 0, `${requests.length} API requests sent`);
		return runError ? `run error ${J(shown)}` : `exit ${r.code}, message in the output`;
	},
};

const agentTool = {
	id: '08-agent-tool',
	title: 'AI Agent calls the Dataoorts node as a tool',
	workflow: '08-agent-tool.json',
	versions: `>=${AI_SDK_MIN_N8N}`,
	before: (ctx) => ctx.api.setAutoToolCalls(true),
	after: (ctx) => ctx.api.setAutoToolCalls(false),
	verify({ run, requests }) {
		// model turn (calls the tool) → the tool's own request → model turn with the tool result
		assert(
			requests.length === 3,
			`expected 3 API requests, got ${requests.length}: ${J(requests.map((r) => r.body)).slice(0, 3000)}`,
		);
		const [first, tool, last] = requests.map((r) => r.body);
		assert(
			Array.isArray(first.data.tools) && first.data.tools[0].function.name === 'Ask_Expert',
			`tools ${J(first.data.tools)}`,
		);
		assert(
			J(first.data.tools[0].function.parameters.properties.question) !== undefined,
			`tool schema ${J(first.data.tools[0].function.parameters)}`,
		);
		const question = tool.data.messages[1].content;
		assert(
			tool.data.messages[0].content.startsWith('You are an expert deep learning engineer') &&
				question.includes('What is a tensor?'),
			`tool request ${J(tool.data.messages)}`,
		);
		assert(
			last.data.messages.some(
				(m) => m.role === 'tool' && String(m.content).includes(`Echo: ${question}`),
			),
			`tool result not in the model's history: ${J(last.data.messages)}`,
		);
		const out = nodeOutput(run, 'AI Agent');
		assert(
			out && typeof out[0].output === 'string' && out[0].output.includes(`Echo: ${question}`),
			`agent output ${J(out)}; error ${J(nodeError(run, 'AI Agent'))}`,
		);
		return `agent output ${J(out[0].output.slice(0, 80))}`;
	},
};

module.exports = [chainAnswers, chainExplainsOldN8n, agentTool];
