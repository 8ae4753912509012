/**
 * Streaming latency: the loopback upstream streams 50 pieces, 40 ms apart, after a 300 ms first
 * token; through the engine, how long after the upstream wrote each piece the streaming callback
 * (n8n's sendChunk hook) had it. First piece: median over BENCH_STREAM_RUNS runs (goal <= 10 ms);
 * later pieces: median and 95th percentile over all of them (goal <= 5 ms). The final item must
 * equal the answer of the same request without streaming.
 */
import { isDeepStrictEqual } from 'node:util';

import { runWorkflow, type DataoortsNodeSettings } from '../../test/helpers/engine';
import { env, median, round, startDataoortsServer } from '../lib';
import type { Scenario } from '../scenario';

const PIECES = 50;
const INTERVAL_MS = 40;
const FIRST_DELAY_MS = 300;
const RUNS = env('BENCH_STREAM_RUNS', 20);

const REPLY = Array.from({ length: PIECES }, (_, index) => `word${index} `).join('');

const node: DataoortsNodeSettings = {
	parameters: {
		model: 'google/gemma-3-12b-it',
		messages: { values: [{ role: 'user', content: `[[reply]]${REPLY}` }] },
	},
};

interface StreamServer {
	apiKey: string;
	baseUrl: string;
	requests: Array<{ pieces?: Array<{ at: number }> }>;
	setStreaming(settings: object): void;
	reset(): void;
	close(): Promise<void>;
}

const percentile = (values: number[], share: number) =>
	[...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))];

/** One streamed run: each piece's delay from the upstream's write to the callback, in ms. */
async function delaysOf(server: StreamServer, streaming: boolean) {
	server.reset();
	server.setStreaming({ pieces: PIECES, intervalMs: INTERVAL_MS, firstDelayMs: FIRST_DELAY_MS });
	const seen: number[] = [];
	const result = await runWorkflow({
		items: [{}],
		node,
		credential: { apiKey: server.apiKey, baseUrl: server.baseUrl },
		onChunk: streaming
			? (chunk) => {
					if (chunk.type === 'item') seen.push(performance.now());
				}
			: undefined,
	});
	if (result.error) throw new Error(`bench run failed: ${result.error.message}`);
	const written = server.requests[0].pieces ?? [];
	if (streaming && seen.length !== written.length)
		throw new Error(`${written.length} pieces written, ${seen.length} seen`);
	return { delays: seen.map((at, index) => at - written[index].at), output: result.outputs };
}

export const streaming: Scenario = {
	id: 'streaming',
	async run() {
		const server = (await startDataoortsServer({
			apiKey: 'bench-stream-key',
		})) as unknown as StreamServer;
		try {
			const plain = await delaysOf(server, false);
			const firsts: number[] = [];
			const laters: number[] = [];
			let sameItem = true;
			await delaysOf(server, true); // warm-up (JIT, the connection pool)
			for (let run = 0; run < RUNS; run++) {
				const { delays, output } = await delaysOf(server, true);
				firsts.push(delays[0]);
				laters.push(...delays.slice(1));
				sameItem &&= isDeepStrictEqual(output, plain.output);
			}
			if (!sameItem) throw new Error('the streamed item differs from the answer without streaming');
			return {
				runs: RUNS,
				pieces: PIECES,
				firstPieceMedianMs: round(median(firsts), 2),
				firstPieceMaxMs: round(Math.max(...firsts), 2),
				laterPiecesMedianMs: round(median(laters), 2),
				laterPiecesP95Ms: round(percentile(laters, 0.95), 2),
				laterPiecesMaxMs: round(Math.max(...laters), 2),
				laterPiecesOver5Ms: `${laters.filter((delay) => delay > 5).length} of ${laters.length}`,
				itemEqualsUnstreamed: String(sameItem),
				goal: 'first <= 10 ms (median), later <= 5 ms',
			};
		} finally {
			await server.close();
		}
	},
	print(result) {
		console.log('\nStreaming: upstream write → streaming callback (ms)');
		console.table(result);
	},
};
