/**
 * The Dataoorts node inside n8n-core's WorkflowExecute: API errors as n8n shows them, with the
 * status, the provider's message and a hint.
 */
import { useNodeRun, userMessage } from '../../helpers/node-run';

const { run } = useNodeRun();

describe("API errors: status, the provider's message and a hint", () => {
	const cases: Array<{
		name: string;
		content: string;
		apiKey?: string;
		model?: string;
		message: string;
		httpCode: string;
		hint: RegExp;
	}> = [
		{
			name: 'bad key → 401',
			content: 'x',
			apiKey: 'wrong-key',
			message: 'Dataoorts answered 401: Authentication error (code 10000)',
			httpCode: '401',
			hint: /Check the API key/,
		},
		{
			// An id the node accepts but the API cannot route (ids with spaces are refused before sending).
			name: 'invalid model id → 404',
			content: 'x',
			model: 'gemma-3-12b-it',
			message:
				'Dataoorts answered 404: Could not route to /api/v1, perhaps your object identifier is invalid? (code 7003)',
			httpCode: '404',
			hint: /Check the model ID/,
		},
		{
			name: 'unknown model → 400 (5007)',
			content: 'x',
			model: 'meta/llama-9',
			message: 'Dataoorts answered 400: No such model meta/llama-9 or task (code 5007)',
			httpCode: '400',
			hint: /Check the model ID/,
		},
		{
			name: 'request too large → 413',
			content: '[[fault:413]]',
			message: 'Dataoorts answered 413: Request is too large (code 3006)',
			httpCode: '413',
			hint: /too large/,
		},
		{
			name: 'rate limited → 429',
			content: '[[fault:429]]',
			message: 'Dataoorts answered 429: Account limited: too many requests (code 3036)',
			httpCode: '429',
			hint: /lower Concurrency/,
		},
		{
			name: 'server error → 500',
			content: '[[fault:500]]',
			message: 'Dataoorts answered 500: Internal server error (code 7010)',
			httpCode: '500',
			hint: /temporary problem/,
		},
		{
			name: 'HTML error page → 502',
			content: '[[fault:html]]',
			message:
				'Dataoorts answered 502: a non-JSON body (text/html): <html><head><title>502 Bad Gateway</title>',
			httpCode: '502',
			hint: /temporary problem/,
		},
		{
			name: 'success: false in a 200',
			content: '[[fault:success-false]]',
			message: 'Dataoorts answered success: false: Model returned an error (code 5006)',
			httpCode: '200',
			hint: /./,
		},
	];

	test.each(cases)('$name', async ({ content, apiKey, model, message, httpCode, hint }) => {
		const result = await run(
			{
				parameters: {
					...(model ? { model } : {}),
					messages: userMessage(content),
					// A 429 no longer spends Max Retries (issue 13): no rate-limit wait either.
					options: { maxRetries: 0, maxRateLimitWait: 0 },
				},
			},
			[{}],
			{ apiKey },
		);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message.startsWith(message)).toBe(true);
		expect(result.error?.httpCode).toBe(httpCode);
		if (httpCode !== '200') expect(result.error?.description).toMatch(hint);
		expect(`${result.error?.message} ${result.error?.description}`).not.toMatch(
			/undefined|\[object Object\]/,
		);
	});

	test('a 2xx body that is not JSON gets a clear message', async () => {
		const result = await run({
			parameters: { messages: userMessage('[[fault:broken-json]]'), options: { maxRetries: 0 } },
		});
		expect(result.error?.message).toBe(
			'Dataoorts answered 200 with a body that is not valid JSON (application/json): {"errors":[],"messages":[],"result":{"response":"cut of',
		);
	});

	test('an unreachable endpoint names the cause', async () => {
		const result = await run(
			{ parameters: { messages: userMessage('x'), options: { maxRetries: 0 } } },
			[{}],
			{ baseUrl: 'http://127.0.0.1:1/api/v1' },
		);
		expect(result.error?.message).toBe(
			'Could not reach Dataoorts at http://127.0.0.1:1: the connection was refused',
		);
		expect(result.error?.description).toContain('Cause: ECONNREFUSED');
	});
});
