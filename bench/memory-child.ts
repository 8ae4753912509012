/** Runs BENCH_ITEMS items through the engine in this fresh process and reports its peak RSS. */
import { closeDispatchers } from '../nodes/shared/transport';
import { runWorkflow } from '../test/helpers/engine';

async function main() {
	const count = Number(process.env.BENCH_ITEMS ?? 10_000);
	const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
	const items = Array.from({ length: count }, (_, index) => ({
		question: `Row ${index}: what is deep learning?`,
	}));
	const started = performance.now();
	const result = await runWorkflow({
		items,
		node: {
			parameters: {
				messages: { values: [{ role: 'user', content: '={{ $json.question }}' }] },
				options: { concurrency: 32 },
			},
		},
		credential: { apiKey: process.env.BENCH_API_KEY!, baseUrl: process.env.BENCH_BASE_URL! },
	});
	const wallMs = Math.round(performance.now() - started);
	if (result.error || result.outputs?.[0].length !== count)
		throw new Error(`memory run failed: ${result.error?.message}`);
	await closeDispatchers();
	// maxRSS is the process's peak resident set, in KiB.
	const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
	process.stdout.write(
		JSON.stringify({ peakRssMb, baselineRssMb: Math.round(baselineRssMb), wallMs }),
	);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
