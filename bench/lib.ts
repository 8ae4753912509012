/**
 * What the bench's scenarios share: where things are, the BENCH_* settings, timing and medians,
 * the loopback server and the node settings every engine run uses.
 */
import path from 'node:path';

import type { DataoortsNodeSettings } from '../test/helpers/engine';

/** The built bench folder (bench/.build/bench), where the child scripts are. */
export const benchDir = __dirname;
/** The repository: built files sit three levels under it (bench/.build/bench). */
export const root = path.resolve(__dirname, '../../..');

/** The loopback Dataoorts API, as much of it as the bench drives. */
export interface LoopbackServer {
	apiKey: string;
	baseUrl: string;
	origin: string;
	setLatency(ms: number): void;
	setRecording(on: boolean): void;
	setImageAnswer(shape: 'json' | 'raw', bytes: number): void;
	accountLimit: { counts(key: string): { total: number } };
	close(): Promise<void>;
}

// Required from the source tree at run time: the server is plain JavaScript outside the build.
export const startDataoortsServer: (options: object) => Promise<LoopbackServer> = require(
	path.join(root, 'test/server/dataoorts-server.js'),
).startDataoortsServer;

export const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/** The settings of the unthrottled scenarios; the rate-limited ones read their own (BENCH_RL_*). */
export const settings = {
	runs: env('BENCH_RUNS', 3),
	latencyMs: env('BENCH_LATENCY_MS', 200),
	items: env('BENCH_ITEMS', 640),
	concurrency: env('BENCH_CONCURRENCY', 32),
	overheadItems: env('BENCH_OVERHEAD_ITEMS', 2000),
	memoryItems: env('BENCH_MEMORY_ITEMS', 10_000),
};

export const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export async function timed(work: () => Promise<unknown>): Promise<number> {
	const started = performance.now();
	await work();
	return performance.now() - started;
}

/** The median of `runs` samples: one slow run (a GC, a neighbour) must not make the figure. */
export async function repeat(work: () => Promise<number>, runs = settings.runs): Promise<number> {
	const samples: number[] = [];
	for (let run = 0; run < runs; run++) samples.push(await work());
	return median(samples);
}

export function items(count: number) {
	return Array.from({ length: count }, (_, index) => ({
		question: `Row ${index}: what is deep learning?`,
	}));
}

export const MODEL = 'google/gemma-3-12b-it';

/** The chat request the node sends for one item: the overhead scenario sends it by hand too. */
export function chatBody(question: string) {
	return {
		model: MODEL,
		data: {
			messages: [
				{ role: 'system', content: 'Be brief.' },
				{ role: 'user', content: question },
			],
			temperature: 0.1,
			max_tokens: 64,
		},
	};
}

/** The node's settings for the same request; `type` swaps in the engine-floor node. */
export const dataoortsNode = (concurrency: number, type?: string): DataoortsNodeSettings => ({
	...(type ? { type } : {}),
	parameters: {
		model: MODEL,
		messages: {
			values: [
				{ role: 'system', content: 'Be brief.' },
				{ role: 'user', content: '={{ $json.question }}' },
			],
		},
		options: { temperature: 0.1, maxTokens: 64, concurrency },
	},
});
