/**
 * What the node refuses before sending anything, inside n8n-core's WorkflowExecute: model ids a
 * model cannot have, keys a header cannot carry, numbers that are not decimal.
 */
import type { IDataObject } from 'n8n-workflow';

import { runWorkflow, type DataoortsNodeSettings, type RunResult } from '../../helpers/engine';
import { SECRET_KEY } from '../../helpers/fixtures';
import { useDataoortsServer } from '../../helpers/server';

const server = useDataoortsServer({ apiKey: SECRET_KEY });

async function run(
	node: DataoortsNodeSettings,
	items: IDataObject[] = [{}],
	apiKey = SECRET_KEY,
): Promise<RunResult> {
	return await runWorkflow({
		items,
		node,
		credential: { apiKey, baseUrl: server.current.baseUrl },
	});
}

const ask = { values: [{ role: 'user', content: 'hi' }] };

describe('model ids', () => {
	test.each([
		['google/gemma 3', 'contains whitespace'],
		['google/gemma-3-12b-it\nX-Injected: 1', 'contains a control character or line break'],
		['google/gemma\u0000', 'contains a control character or line break'],
		['../../admin?x=1#frag', 'contains "?", which a model ID cannot hold'],
		['x'.repeat(100_000), 'is 100000 characters long, over the 200-character limit'],
	])('%j is refused naming the field; nothing is sent', async (model, problem) => {
		const result = await run({ parameters: { model: '={{ $json.model }}', messages: ask } }, [
			{ model },
		]);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toContain(`Model ${problem}: got `);
		expect(result.error?.message).toContain('[item 0]');
		expect(result.error?.description).toBe('Parameter model. No request was sent for this item.');
		expect(server.current.requests).toHaveLength(0);
	});

	test('outer whitespace is trimmed before sending', async () => {
		const result = await run({ parameters: { model: '={{ $json.model }}', messages: ask } }, [
			{ model: '  qwen/qwq-32b \n' },
		]);
		expect(result.outputs![0][0].json.model).toBe('qwen/qwq-32b');
		expect(server.current.requests[0].body.model).toBe('qwen/qwq-32b');
	});
});

describe('keys', () => {
	test.each([
		[`${SECRET_KEY}\nX-Injected: 1`, 'a line break'],
		[`${SECRET_KEY}\u00e9`, 'a character outside plain ASCII (such as a typographic quote)'],
		[`${SECRET_KEY}\u20ac`, 'a character outside plain ASCII (such as a typographic quote)'],
		[`Bearer ${SECRET_KEY}`, 'a space (enter the key alone, without "Bearer ")'],
	])(
		'a key with %j is a credential error: not retried, hint "check the key", nothing sent',
		async (apiKey, problem) => {
			const result = await run(
				{ parameters: { messages: ask, options: { maxRetries: 3 } } },
				[{}],
				apiKey,
			);
			expect(result.error?.name).toBe('NodeOperationError');
			expect(result.error?.message).toBe(
				`The credential's API Key contains ${problem}, which an API key cannot hold; nothing was sent to Dataoorts`,
			);
			expect(result.error?.description).toMatch(/^Check the key in the Dataoorts credential/);
			expect(result.error?.message).not.toMatch(/Could not reach|gave up/);
			expect(JSON.stringify(result.run)).not.toContain(SECRET_KEY);
			expect(server.current.requests).toHaveLength(0);
		},
	);

	test('outer whitespace around the key is trimmed, and the request works', async () => {
		const result = await run({ parameters: { messages: ask } }, [{}], `  ${SECRET_KEY}\n`);
		expect(result.outputs![0][0].json.response).toBe('Echo: hi');
		expect(server.current.requests[0].authorization).toBe(`Bearer ${SECRET_KEY}`);
	});

	test('with continue on fail, every item gets the credential error in its place', async () => {
		const result = await run(
			{ parameters: { messages: ask }, onError: 'continueRegularOutput' },
			[{}, {}],
			`${SECRET_KEY}\r\n`.replace('\r\n', '\r\nX: 1'),
		);
		expect(result.outputs![0].map((item) => item.json.error)).toEqual([
			expect.stringContaining('contains a line break'),
			expect.stringContaining('contains a line break'),
		]);
		expect(server.current.requests).toHaveLength(0);
	});
});

describe('numbers from expressions and sheets', () => {
	test.each(['0x1', '0b1', '0o1', 'Infinity'])(
		'%j is refused, not read as a number',
		async (value) => {
			const result = await run(
				{ parameters: { messages: ask, options: { topK: '={{ $json.k }}' } } },
				[{ k: value }],
			);
			expect(result.error?.message).toMatch(/^Top K is not a number/);
			expect(server.current.requests).toHaveLength(0);
		},
	);

	test('decimal strings still work', async () => {
		const result = await run(
			{
				parameters: {
					messages: ask,
					options: { topK: '={{ $json.k }}', temperature: '={{ $json.t }}' },
				},
			},
			[{ k: ' 12 ', t: '7e-1' }],
		);
		expect(result.error).toBeUndefined();
		expect(server.current.requests[0].body.data).toMatchObject({ top_k: 12, temperature: 0.7 });
	});
});
