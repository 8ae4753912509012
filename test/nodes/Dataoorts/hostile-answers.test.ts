/**
 * Deep, huge and malformed answers (test/server/hostile.js) inside n8n-core's WorkflowExecute:
 * each is a clear error of its own kind for its item, never a stack overflow, never a
 * "Could not reach Dataoorts", a 4xx is never retried, and every output item serialises.
 */
import type { IDataObject } from 'n8n-workflow';

import { type DataoortsNodeSettings, type RunResult } from '../../helpers/engine';
import { runAgainst } from '../../helpers/run-against';
import { useFakeClock } from '../../helpers/fake-clock';
import { useDataoortsServer } from '../../helpers/server';

const server = useDataoortsServer();
// Fake time, which the server reads too: the retries' backoff takes no real time.
const clock = useFakeClock();

async function run(node: DataoortsNodeSettings, items: IDataObject[] = [{}]): Promise<RunResult> {
	const result = await runAgainst(server, clock)(node, items);
	// Every run, whatever came back, can be stored: n8n serialises it.
	expect(() => JSON.stringify(result.run)).not.toThrow();
	return result;
}

const ask = (content: string) => ({ values: [{ role: 'user', content }] });
const DEEP = 'with JSON nested deeper than 100 levels; it was not read';

describe('100,000 levels of nesting', () => {
	test('in a 400: its own error and hint, one request, not retried', async () => {
		const result = await run({
			parameters: { messages: ask('[[fault:deep:400]]'), options: { maxRetries: 3 } },
		});
		expect(result.error?.message).toBe(`Dataoorts answered 400 ${DEEP}`);
		expect(result.error?.description).toMatch(/left unread.*Base URL/);
		expect(result.error?.httpCode).toBe('400');
		expect(server.current.requests).toHaveLength(1);
	});

	test('in a 503: retried like any 503, then reported as too deep', async () => {
		const result = await run({
			parameters: { messages: ask('[[fault:deep:503]]'), options: { maxRetries: 1 } },
		});
		expect(result.error?.message).toBe(`Dataoorts answered 503 ${DEEP} (gave up after 2 attempts)`);
		expect(server.current.requests).toHaveLength(2);
	});

	test('in a success answer, for the node and in JSON mode', async () => {
		for (const options of [{}, { responseFormat: 'json' }]) {
			server.current.reset();
			const result = await run({
				parameters: { messages: ask('[[fault:deep-response]]'), options },
			});
			expect(result.error?.message).toBe(`Dataoorts answered 200 ${DEEP}`);
			expect(server.current.requests).toHaveLength(1);
		}
	});

	test('in a JSON-mode reply text: a clear per-item error', async () => {
		const deep = '['.repeat(100_000) + ']'.repeat(100_000);
		const result = await run({
			parameters: { messages: ask(`[[reply]]${deep}`), options: { responseFormat: 'json' } },
			onError: 'continueRegularOutput',
		});
		expect(result.outputs![0][0].json.error).toMatch(
			/^The model's reply is JSON nested deeper than 100 levels \(Response Format is JSON\)/,
		);
	});
});

test('a 2 MB provider message is cut to 500 characters', async () => {
	const result = await run({ parameters: { messages: ask('[[fault:huge-message]]') } });
	expect(result.error?.message).toBe(`Dataoorts answered 400: ${'x'.repeat(500)}… (code 5006)`);
});

describe('malformed success answers: a clear error per item, naming the fault', () => {
	const cases: Array<[string, string]> = [
		['empty-result', 'it has no result.response (no text and no tool calls)'],
		['number-response', 'result.response is a number, not text'],
		['object-response', 'result.response is an object, not text'],
		['tool-calls-string', 'result.tool_calls is a string, not a list'],
		['tool-calls-strings', 'result.tool_calls[0] is a string, not an object'],
	];

	test('each in its own item, the good ones kept, none retried', async () => {
		const items = [...cases.map(([kind]) => ({ q: `[[fault:malformed:${kind}]]` })), { q: 'fine' }];
		const result = await run(
			{ parameters: { messages: ask('={{ $json.q }}') }, onError: 'continueRegularOutput' },
			items,
		);
		const output = result.outputs![0].map((item) => item.json);
		cases.forEach(([, problem], index) => {
			expect(output[index]).toEqual({
				error: `Dataoorts answered 200 with success: true, but the answer is unusable: ${problem}`,
			});
		});
		expect(output[cases.length].response).toBe('Echo: fine');
		expect(server.current.requests).toHaveLength(items.length);
	});

	test('stopping: the error has a hint', async () => {
		const result = await run({ parameters: { messages: ask('[[fault:malformed:empty-result]]') } });
		expect(result.error?.description).toMatch(/not in Dataoorts' documented form/);
	});
});

test('negative or absurd usage counts are dropped; the answer is kept', async () => {
	const simplified = await run({ parameters: { messages: ask('={{ $json.q }}') } }, [
		{ q: '[[fault:malformed:negative-usage]]' },
		{ q: '[[fault:malformed:absurd-usage]]' },
	]);
	// A dropped total is read as prompt + completion, as both nodes read a missing one (usage.ts).
	expect(simplified.outputs![0].map((item) => [item.json.response, item.json.usage])).toEqual([
		['kept', { prompt_tokens: 0, completion_tokens: 3, total_tokens: 3 }],
		['kept', { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 }],
	]);
	const raw = await run({
		parameters: { messages: ask('[[fault:malformed:negative-usage]]'), simplify: false },
	});
	expect((raw.outputs![0][0].json.result as IDataObject).usage).toEqual({ completion_tokens: 3 });
});
