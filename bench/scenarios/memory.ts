/**
 * Memory, each in a fresh process (bench/memory-child.ts): BENCH_MEMORY_ITEMS items through the
 * engine, its peak RSS / 300 MB; and images in flight (BENCH_IMAGE_ITEMS items with a
 * BENCH_IMAGE_MIB image each at concurrency 64), the RSS they add per image in flight / its size.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { benchDir, env, round, settings, type LoopbackServer } from '../lib';
import type { Scenario } from '../scenario';

const IMAGE_ITEMS = env('BENCH_IMAGE_ITEMS', 200);
const IMAGE_MIB = env('BENCH_IMAGE_MIB', 4);
const IMAGE_CONCURRENCY = 64;

/** The child's peak and baseline RSS (MB) and wall time, with `variables` set. */
async function measureChild(server: LoopbackServer, variables: Record<string, string>) {
	// Asynchronous: the server answering the child lives in this process's event loop.
	const { stdout } = await promisify(execFile)(
		process.execPath,
		[path.join(benchDir, 'memory-child.js')],
		{
			env: {
				...process.env,
				BENCH_BASE_URL: server.baseUrl,
				BENCH_API_KEY: server.apiKey,
				...variables,
			},
			encoding: 'utf8',
			timeout: 300_000,
			maxBuffer: 2 ** 20,
		},
	);
	return JSON.parse(stdout) as { peakRssMb: number; baselineRssMb: number; wallMs: number };
}

export const memory: Scenario = {
	id: 'memory',
	async run(context) {
		const server = await context.server();
		server.setLatency(0); // the figure is what items in flight hold, not how long they wait
		const measured = await measureChild(server, { BENCH_ITEMS: String(settings.memoryItems) });
		return {
			items: settings.memoryItems,
			...measured,
			ratio: round(measured.peakRssMb / 300),
			goal: '<= 300 MB (ratio <= 1)',
		};
	},
};

export const imageMemory: Scenario = {
	id: 'image-memory',
	async run(context) {
		const server = await context.server();
		server.setLatency(200); // answers take a while: the node's Concurrency is all in flight
		const measured = await measureChild(server, {
			BENCH_ITEMS: String(IMAGE_ITEMS),
			BENCH_IMAGE_MIB: String(IMAGE_MIB),
			BENCH_MEMORY_CONCURRENCY: String(IMAGE_CONCURRENCY),
		});
		const inFlightMb = IMAGE_CONCURRENCY * IMAGE_MIB * 1.048576;
		return {
			items: IMAGE_ITEMS,
			imageMib: IMAGE_MIB,
			concurrency: IMAGE_CONCURRENCY,
			...measured,
			ratio: round((measured.peakRssMb - measured.baselineRssMb) / inFlightMb),
			goal: '<= 2.5 × the image per image in flight',
		};
	},
};
