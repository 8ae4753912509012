/**
 * Generate an Image: 100 images of 1 MiB at concurrency 8 and 200 ms service time, in each answer
 * shape, each in a fresh process (bench/image-child.ts). wall / ideal (⌈100 / 8⌉ × 200 ms), goal
 * ≤ 1.10; peak memory above the baseline / (3 × image size × images in flight), goal ≤ 1.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { benchDir, round } from '../lib';
import type { Scenario } from '../scenario';

const IMAGES = 100;
const IMAGE_MB = 1;
const CONCURRENCY = 8;
const LATENCY_MS = 200;

interface ImageFigures {
	shape: string;
	wallMs: number;
	idealMs: number;
	wallOverIdeal: number;
	memoryAboveBaselineMb: number;
	memoryBudgetMb: number;
	memoryRatio: number;
}

export const imageGeneration: Scenario<ImageFigures[]> = {
	id: 'image-generation',
	reportKey: 'imageGeneration',
	async run(context) {
		const server = await context.server();
		server.setLatency(LATENCY_MS);
		const figures: ImageFigures[] = [];
		for (const shape of ['json', 'raw'] as const) {
			server.setImageAnswer(shape, IMAGE_MB * 2 ** 20);
			const { stdout } = await promisify(execFile)(
				process.execPath,
				['--expose-gc', path.join(benchDir, 'image-child.js')],
				{
					env: {
						...process.env,
						BENCH_BASE_URL: server.baseUrl,
						BENCH_API_KEY: server.apiKey,
						BENCH_ITEMS: String(IMAGES),
						BENCH_CONCURRENCY: String(CONCURRENCY),
					},
					encoding: 'utf8',
					timeout: 300_000,
				},
			);
			const measured = JSON.parse(stdout);
			const idealMs = Math.ceil(IMAGES / CONCURRENCY) * LATENCY_MS;
			const above = measured.peakRssMb - measured.baselineRssMb;
			const budget = 3 * IMAGE_MB * CONCURRENCY;
			figures.push({
				shape,
				wallMs: measured.wallMs,
				idealMs,
				wallOverIdeal: round(measured.wallMs / idealMs),
				memoryAboveBaselineMb: round(above, 1),
				memoryBudgetMb: budget,
				memoryRatio: round(above / budget),
			});
		}
		server.setImageAnswer('json', 0);
		return figures;
	},
	print(figures) {
		console.log(
			`\nGenerate an Image: ${IMAGES} images of ${IMAGE_MB} MiB, concurrency ${CONCURRENCY}, ${LATENCY_MS} ms service time (filesystem binary data mode)`,
		);
		console.table(figures);
		console.log(
			'goals: wall / ideal ≤ 1.10; memory above baseline ≤ 3 × image size × images in flight (ratio ≤ 1)',
		);
	},
};
