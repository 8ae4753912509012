/**
 * Messages that say what happened (issue 17), inside n8n-core's WorkflowExecute: a number JSON
 * cannot hold is named as such, never quoted as "Infinity" (a value nobody sent) nor stored as
 * null. (A Base URL with user:password@ is refused: hostile-leaks.test.ts.)
 */
import { runAgainst } from '../../helpers/run-against';
import { useDataoortsServer } from '../../helpers/server';

const server = useDataoortsServer();

const jsonMode = (content: string) => ({
	parameters: {
		messages: { values: [{ role: 'user', content }] },
		options: { responseFormat: 'json' },
	},
	onError: 'continueRegularOutput' as const,
});

describe('a number JSON cannot hold (1e400) in a JSON-mode reply', () => {
	test.each([
		[
			'as reply text',
			'[[reply]]1e400',
			`The model's reply holds a number JSON cannot hold (beyond ±1.8e308) at data (Response Format is JSON): "1e400" [item 0]`,
		],
		[
			'as the parsed reply',
			'[[fault:overflow-response]]',
			`The model's reply holds a number JSON cannot hold (beyond ±1.8e308) at data (Response Format is JSON) [item 0]`,
		],
		[
			'inside the parsed reply',
			'[[fault:overflow-response:object]]',
			`The model's reply holds a number JSON cannot hold (beyond ±1.8e308) at data.price (Response Format is JSON) [item 0]`,
		],
	])('%s: named as such', async (_case, content, message) => {
		const result = await runAgainst(server)(jsonMode(content));
		expect(result.outputs![0][0].json.error).toBe(message);
	});
});
