/**
 * Latency-bound throughput: BENCH_ITEMS items at BENCH_CONCURRENCY against a server answering
 * after BENCH_LATENCY_MS; wall time / the ideal ⌈items / concurrency⌉ × latency.
 */
import { dataoortsNode, repeat, round, settings, timed } from '../lib';
import type { Context, Scenario } from '../scenario';

/** The timed parallel run; the speed-up scenario divides by the same measurement. */
export function parallelWallMs(context: Context): Promise<number> {
	return context.shared('parallelWallMs', async () => {
		const { items, concurrency, latencyMs } = settings;
		(await context.server()).setLatency(latencyMs);
		await context.runNode(concurrency, dataoortsNode(concurrency)); // warm-up: pools, JIT
		return await repeat(() => timed(() => context.runNode(items, dataoortsNode(concurrency))));
	});
}

export const throughput: Scenario = {
	id: 'throughput',
	async run(context) {
		const { items, concurrency, latencyMs } = settings;
		const ideal = Math.ceil(items / concurrency) * latencyMs;
		const wall = await parallelWallMs(context);
		return {
			items,
			concurrency,
			latencyMs,
			wallMs: round(wall, 0),
			idealMs: ideal,
			ratio: round(wall / ideal),
			goal: '<= 1.10',
		};
	},
};
