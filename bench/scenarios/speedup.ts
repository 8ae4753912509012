/**
 * Speed-up over concurrency 1: per-item time at concurrency 1 / per-item time of the
 * throughput scenario's run, on the same server at the same latency.
 */
import { dataoortsNode, repeat, round, settings, timed } from '../lib';
import type { Scenario } from '../scenario';
import { parallelWallMs } from './throughput';

export const speedup: Scenario = {
	id: 'speedup',
	async run(context) {
		// Measured first (or reused): it also sets the latency and warms the pools.
		const wall = await parallelWallMs(context);
		(await context.server()).setLatency(settings.latencyMs);
		// A few items suffice: at concurrency 1 each one costs a full latency.
		const serialItems = Math.max(10, Math.round(settings.items / 32));
		const serialWall = await repeat(() =>
			timed(() => context.runNode(serialItems, dataoortsNode(1))),
		);
		const perItemSerial = serialWall / serialItems;
		const perItemParallel = wall / settings.items;
		return {
			serialItems,
			perItemSerialMs: round(perItemSerial),
			perItemParallelMs: round(perItemParallel),
			ratio: round(perItemSerial / perItemParallel, 1),
			goal: '>= 25',
		};
	},
};
