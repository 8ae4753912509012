/**
 * What a scenario is, and the context the runner hands each one: the shared loopback server
 * (started only when a scenario asks for it) and measurements one scenario may reuse from another.
 */
import { closeDispatchers } from '../nodes/shared/transport';
import { runWorkflow, type DataoortsNodeSettings } from '../test/helpers/engine';
import { items, startDataoortsServer, type LoopbackServer } from './lib';

/** One row of the ratio table: the ratio against its goal, and the figures it came from. */
export type Figure = Record<string, number | string>;

export interface Scenario<Result = Figure> {
	/** Its name in BENCH_ONLY, and its key under the report's `figures`. */
	id: string;
	/** A report key of its own beside `figures`, for results that are not one ratio. */
	reportKey?: string;
	run(context: Context): Promise<Result>;
	/** Its own table; results without one are rows of the ratio table. */
	print?(result: Result): void;
}

export interface Context {
	/** The shared loopback server; each scenario sets the latency it needs. */
	server(): Promise<LoopbackServer>;
	/** Runs `count` items through the node in the engine; throws unless every item came out. */
	runNode(count: number, node: DataoortsNodeSettings): Promise<void>;
	/** `work` once per bench run, however many scenarios ask for `key`. */
	shared<T>(key: string, work: () => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

export function createContext(): Context {
	let started: Promise<LoopbackServer> | undefined;
	const memo = new Map<string, Promise<unknown>>();
	const server = () =>
		(started ??= startDataoortsServer({ apiKey: 'bench-key' }).then((server) => {
			server.setRecording(false); // a record of every request would grow with the run
			return server;
		}));
	return {
		server,
		async runNode(count, node) {
			const { apiKey, baseUrl } = await server();
			const result = await runWorkflow({
				items: items(count),
				node,
				credential: { apiKey, baseUrl },
			});
			if (result.error || result.outputs?.[0].length !== count)
				throw new Error(`bench run failed: ${result.error?.message}`);
		},
		shared<T>(key: string, work: () => Promise<T>) {
			if (!memo.has(key)) memo.set(key, work());
			return memo.get(key) as Promise<T>;
		},
		async close() {
			await closeDispatchers();
			if (started) await (await started).close();
		},
	};
}
