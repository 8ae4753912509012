/**
 * Engine runs against the loopback server, on the fake clock when the test has one (apart from
 * engine.ts, which the benchmark compiles without jest).
 */
import { runWorkflow, type DataoortsNodeSettings, type RunOptions, type RunResult } from './engine';
import { drive, type FakeClock } from './fake-clock';
import type { IDataObject } from 'n8n-workflow';

/** runWorkflow against a loopback server: the items, the node under test, the server's key. */
export function runAgainst(
	server: { current: { apiKey: string; baseUrl: string } },
	clock?: { current: FakeClock },
) {
	return async (
		node: DataoortsNodeSettings,
		items: IDataObject[] = [{}],
		onStarted?: RunOptions['onStarted'],
	): Promise<RunResult> => {
		const run = runWorkflow({
			items,
			node,
			credential: { apiKey: server.current.apiKey, baseUrl: server.current.baseUrl },
			onStarted,
		});
		return clock === undefined ? await run : await drive(clock.current, run);
	};
}
