/**
 * Generate an Image in a fresh process: BENCH_ITEMS images through the engine with n8n's
 * filesystem binary data mode (as a self-hosted n8n stores them: on disk, not in the item), so
 * what stays in memory is what the node holds for the images in flight. Reports the wall time and
 * the peak RSS (sampled every 5 ms) above the baseline taken after a warm-up run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const folder = mkdtempSync(path.join(tmpdir(), 'dataoorts-bench-'));
process.env.N8N_USER_FOLDER = folder;
process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';

async function main() {
	const { Container } = await import('@n8n/di');
	const { BinaryDataService } = await import('n8n-core');
	const { closeDispatchers } = await import('../nodes/shared/transport');
	const { runWorkflow } = await import('../test/helpers/engine');
	await Container.get(BinaryDataService).init();

	const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
	const run = async (count: number) => {
		const result = await runWorkflow({
			items: Array.from({ length: count }, (_, index) => ({ prompt: `picture ${index}` })),
			node: {
				typeVersion: 3,
				parameters: {
					resource: 'image',
					operation: 'generate',
					model: { __rl: true, mode: 'list', value: 'black-forest-labs/flux-1-schnell' },
					prompt: '={{ $json.prompt }}',
					options: { concurrency },
				},
			},
			credential: { apiKey: process.env.BENCH_API_KEY!, baseUrl: process.env.BENCH_BASE_URL! },
		});
		const output = result.outputs?.[0] ?? [];
		if (result.error || output.length !== count || output.some((item) => !item.binary?.data?.id))
			throw new Error(`image run failed: ${result.error?.message ?? 'images not stored on disk'}`);
	};

	await run(concurrency); // warm-up: pools, JIT, the binary data folder
	global.gc?.();
	const baselineRssMb = process.memoryUsage.rss() / 2 ** 20;
	// Sampled: the process's lifetime peak (maxRSS) would include the warm-up and the start-up.
	let peakRssMb = baselineRssMb;
	const sampler = setInterval(() => {
		peakRssMb = Math.max(peakRssMb, process.memoryUsage.rss() / 2 ** 20);
	}, 5);
	const started = performance.now();
	await run(Number(process.env.BENCH_ITEMS ?? 100));
	const wallMs = Math.round(performance.now() - started);
	clearInterval(sampler);
	await closeDispatchers();
	process.stdout.write(JSON.stringify({ wallMs, baselineRssMb, peakRssMb }));
}

main()
	.catch((error) => {
		console.error(error);
		process.exitCode = 1;
	})
	.finally(() => rmSync(folder, { recursive: true, force: true }));
