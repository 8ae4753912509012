/**
 * The Dataoorts node in n8n-core's WorkflowExecute against a loopback server with the fixtures'
 * key, on fake time (which the server reads too: slow answers and backoffs take no real time).
 * Call at the top of a test file: it registers the server's and the clock's hooks there.
 */
import type { IDataObject } from 'n8n-workflow';

import { runWorkflow, type DataoortsNodeSettings, type RunResult } from './engine';
import { drive, useFakeClock } from './fake-clock';
import { SECRET_KEY } from './fixtures';
import { useDataoortsServer } from './server';

/** One user message with `content`. */
export function userMessage(content: string) {
	return { values: [{ role: 'user', content }] };
}

/** The output items' json of a run that did not fail. */
export function jsonOf(result: RunResult) {
	expect(result.error).toBeUndefined();
	return result.outputs![0].map((item) => item.json);
}

export function useNodeRun() {
	const server = useDataoortsServer({ apiKey: SECRET_KEY });
	const clock = useFakeClock();
	async function run(
		node: DataoortsNodeSettings,
		items: IDataObject[] = [{}],
		credential: { apiKey?: string; baseUrl?: string } = {},
	): Promise<RunResult> {
		const workflow = runWorkflow({
			items,
			node,
			credential: {
				apiKey: credential.apiKey ?? SECRET_KEY,
				baseUrl: credential.baseUrl ?? server.current.baseUrl,
			},
		});
		return await drive(clock.current, workflow);
	}
	return { server, run };
}
