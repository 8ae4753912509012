/**
 * The Dataoorts node inside n8n-core's WorkflowExecute with continue on fail: a failed item becomes
 * an error item in its place and the others go on.
 */
import { useNodeRun, userMessage } from '../../helpers/node-run';

const { server, run } = useNodeRun();

describe('continue on fail', () => {
	const items = [
		{ question: 'first' },
		{ question: '' }, // fails validation: empty content
		{ question: 'third [[fault:400]]' }, // the API rejects it
		{ question: 'fourth' },
		{ question: 'fifth', model: 'acme/not-a-model' }, // unknown model
	];
	const parameters = {
		model: '={{ $json.model ?? "google/gemma-3-12b-it" }}',
		messages: userMessage('={{ $json.question }}'),
		options: { maxRetries: 0 },
	};

	test('each failing item becomes an error item in its own place; the others go on', async () => {
		const result = await run({ parameters, onError: 'continueRegularOutput' }, items);
		expect(result.error).toBeUndefined();
		const output = result.outputs![0];
		expect(output.map((item) => item.pairedItem)).toEqual(
			items.map((_, index) => ({ item: index })),
		);
		expect(output[0].json).toMatchObject({ response: 'Echo: first' });
		expect(output[1].json.error).toContain('Message 1: Content is empty');
		expect(output[1].json.error).toContain('[item 1]');
		expect(output[2].json).toEqual({ error: 'Dataoorts answered 400: Invalid input (code 5006)' });
		expect(output[3].json).toMatchObject({ response: 'Echo: fourth' });
		expect(output[4].json).toEqual({
			error: 'Dataoorts answered 400: No such model acme/not-a-model or task (code 5007)',
		});
		// The item that failed validation was never sent.
		expect(server.current.requests.map((request) => request.body.data.messages[0].content)).toEqual(
			['first', 'third [[fault:400]]', 'fourth', 'fifth'],
		);
	});

	test('with the error output, failed items go to the error branch and the rest to the success branch', async () => {
		const result = await run({ parameters, onError: 'continueErrorOutput' }, items);
		expect(result.error).toBeUndefined();
		const [success, failure] = result.outputs!;
		expect(success.map((item) => [item.pairedItem, item.json.response])).toEqual([
			[{ item: 0 }, 'Echo: first'],
			[{ item: 3 }, 'Echo: fourth'],
		]);
		expect(failure.map((item) => (item.pairedItem as { item: number }).item)).toEqual([1, 2, 4]);
		// n8n puts the failed row's own fields beside the error, so the error branch can act on the row.
		expect(failure.map((item) => item.json)).toEqual([
			{ question: '', error: expect.stringContaining('Message 1: Content is empty') },
			{
				question: 'third [[fault:400]]',
				error: 'Dataoorts answered 400: Invalid input (code 5006)',
			},
			{
				question: 'fifth',
				model: 'acme/not-a-model',
				error: 'Dataoorts answered 400: No such model acme/not-a-model or task (code 5007)',
			},
		]);
	});

	test("without continue on fail, the first failure stops the node with that item's error", async () => {
		const result = await run(
			{ parameters: { ...parameters, options: { maxRetries: 0, concurrency: 1 } } },
			items,
		);
		expect(result.outputs).toBeUndefined();
		expect(result.error?.message).toContain('[item 1]');
		// Concurrency 1: nothing after the failing item was sent.
		expect(server.current.requests).toHaveLength(1);
	});
});
