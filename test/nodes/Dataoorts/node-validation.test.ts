/**
 * The Dataoorts node inside n8n-core's WorkflowExecute: run-time validation of values that arrive
 * by expression, and the API key never leaks into anything n8n keeps or logs.
 */
import {
	EXECUTION_OPTIONS,
	HYPERPARAMETERS,
	describeRange,
} from '../../../nodes/shared/parameters/table';
import { captureLogs } from '../../helpers/capture-logs';
import { SECRET_KEY } from '../../helpers/fixtures';
import { useNodeRun, userMessage } from '../../helpers/node-run';

const { server, run } = useNodeRun();

describe('run-time validation of values that arrive by expression', () => {
	const outOfRange = HYPERPARAMETERS.flatMap((spec) => [
		{ spec, value: spec.min - 1 },
		...(spec.max === undefined ? [] : [{ spec, value: spec.max + 1 }]),
		...(spec.integer ? [{ spec, value: spec.min + 0.5 }] : []),
		{ spec, value: 'abc' },
	]);

	test.each(outOfRange)(
		'$spec.option = $value → error naming the field, value and range; no request sent',
		async ({ spec, value }) => {
			const result = await run(
				{
					parameters: {
						messages: userMessage('x'),
						options: { [spec.option]: '={{ $json.value }}' },
					},
				},
				[{ value }],
			);

			expect(server.current.requests).toHaveLength(0);
			expect(result.outputs).toBeUndefined();
			expect(result.error?.name).toBe('NodeOperationError');
			expect(result.error?.message).toContain(spec.displayName);
			// The panel's name in the message, the workflow JSON path in the description.
			expect(result.error?.description).toContain(`options.${spec.option}`);
			expect(result.error?.message).toContain(
				typeof value === 'string' ? JSON.stringify(value) : String(value),
			);
			expect(result.error?.message).toContain(describeRange(spec));
			expect(result.error?.message).toContain('[item 0]');
		},
	);

	test.each(EXECUTION_OPTIONS.map((spec) => ({ spec, value: spec.max! + 1 })))(
		'execution option $spec.option = $value is rejected before any request',
		async ({ spec, value }) => {
			const result = await run({
				parameters: { messages: userMessage('x'), options: { [spec.option]: value } },
			});
			expect(server.current.requests).toHaveLength(0);
			expect(result.error?.message).toContain(spec.displayName);
			expect(result.error?.description).toContain(`options.${spec.option}`);
			expect(result.error?.message).toContain(describeRange(spec));
		},
	);

	test('numbers given as numeric strings (e.g. from a sheet) are accepted and sent as numbers', async () => {
		const result = await run(
			{
				parameters: {
					messages: userMessage('x'),
					options: { temperature: '={{ $json.t }}', topK: '={{ $json.k }}' },
				},
			},
			[{ t: '0.7', k: ' 12 ' }],
		);
		expect(result.error).toBeUndefined();
		expect(server.current.requests[0].body.data).toMatchObject({ temperature: 0.7, top_k: 12 });
	});

	test('an empty message list is rejected', async () => {
		const result = await run({ parameters: { messages: { values: [] } } });
		expect(server.current.requests).toHaveLength(0);
		expect(result.error?.message).toMatch(/Messages must hold at least one message.*\[item 0\]/);
	});

	test('empty content, also when an expression resolves to nothing, names the message', async () => {
		const result = await run(
			{
				parameters: {
					messages: {
						values: [
							{ role: 'system', content: 'Be brief' },
							{ role: 'user', content: '={{ $json.missing }}' },
						],
					},
				},
			},
			[{ question: 'present' }],
		);
		expect(server.current.requests).toHaveLength(0);
		expect(result.error?.message).toContain('Message 2: Content is empty');
		expect(result.error?.message).toContain('[item 0]');
	});

	test('an unknown role given by expression is rejected with the allowed roles', async () => {
		const result = await run(
			{ parameters: { messages: { values: [{ role: '={{ $json.role }}', content: 'Hi' }] } } },
			[{ role: 'moderator' }],
		);
		expect(server.current.requests).toHaveLength(0);
		expect(result.error?.message).toBe(
			'Message 1: Role is unknown: got "moderator", allowed are system, user, assistant [item 0]',
		);
	});

	test('an empty model id given by expression is rejected', async () => {
		const result = await run(
			{ parameters: { model: '={{ $json.model }}', messages: userMessage('Hi') } },
			[{ model: '' }],
		);
		expect(server.current.requests).toHaveLength(0);
		expect(result.error?.message).toContain('Model must be a model ID');
	});

	test('the failing item is named: item 2 of 3 fails, none is sent', async () => {
		const result = await run(
			{ parameters: { messages: userMessage('x'), options: { topK: '={{ $json.k }}' } } },
			[{ k: 1 }, { k: 2 }, { k: 99 }],
		);
		expect(result.error?.message).toContain('got 99');
		expect(result.error?.message).toContain('[item 2]');
		expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(2);
	});
});

describe('the API key never leaks', () => {
	test('not into output items, error items, error messages, descriptions, the run data or the logs', async () => {
		const { value: results, logs } = await captureLogs(async () => [
			await run(
				{
					parameters: { messages: userMessage('={{ $json.q }}'), options: { maxRetries: 0 } },
					onError: 'continueRegularOutput',
				},
				[
					{ q: 'fine' },
					{ q: '[[fault:401]]' },
					{ q: '[[fault:html]]' },
					{ q: '' },
					{ q: '[[fault:redirect]]' },
				],
			),
			await run({
				parameters: { messages: userMessage('[[fault:500]]'), options: { maxRetries: 1 } },
			}),
			await run({ parameters: { messages: userMessage('x') } }, [{}], {
				baseUrl: 'http://example.com/api/v1',
			}),
			await run({ parameters: { messages: userMessage('x'), simplify: false } }),
		]);
		// The probe did produce errors and logs worth scanning.
		expect(results.filter((result) => result.error !== undefined)).toHaveLength(2);
		expect(logs).toContain('Dataoorts answered 500');
		for (const result of results) {
			const everything = [
				JSON.stringify(result.run),
				String(result.error?.stack),
				String(result.error?.description),
				JSON.stringify(result.error ?? {}),
			].join('\n');
			expect(everything).not.toContain(SECRET_KEY);
			expect(everything).not.toContain(SECRET_KEY.slice(8));
		}
		expect(logs).not.toContain(SECRET_KEY.slice(8));
		// The key did travel, but only in the Authorization header.
		expect(server.current.requests.every((request) => !request.rawBody.includes(SECRET_KEY))).toBe(
			true,
		);
		expect(
			server.current.requests.some((request) => request.authorization === `Bearer ${SECRET_KEY}`),
		).toBe(true);
	});
});
