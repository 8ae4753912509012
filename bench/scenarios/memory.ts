/** Memory: BENCH_MEMORY_ITEMS items through the engine in a fresh process; its peak RSS / 300 MB. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { benchDir, round, settings } from '../lib';
import type { Scenario } from '../scenario';

export const memory: Scenario = {
	id: 'memory',
	async run(context) {
		const server = await context.server();
		server.setLatency(0); // the figure is what items in flight hold, not how long they wait
		// Asynchronous: the server answering the child lives in this process's event loop.
		const { stdout } = await promisify(execFile)(
			process.execPath,
			[path.join(benchDir, 'memory-child.js')],
			{
				env: {
					...process.env,
					BENCH_BASE_URL: server.baseUrl,
					BENCH_API_KEY: server.apiKey,
					BENCH_ITEMS: String(settings.memoryItems),
				},
				encoding: 'utf8',
				timeout: 300_000,
			},
		);
		const measured = JSON.parse(stdout);
		return {
			items: settings.memoryItems,
			peakRssMb: measured.peakRssMb,
			baselineRssMb: measured.baselineRssMb,
			wallMs: measured.wallMs,
			ratio: round(measured.peakRssMb / 300),
			goal: '<= 300 MB (ratio <= 1)',
		};
	},
};
