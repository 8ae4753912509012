/**
 * Runs BENCH_ITEMS items through the engine in this fresh process and reports its peak RSS. With
 * BENCH_IMAGE_MIB, each item carries an image of that size (one shared input, as n8n keeps
 * binary data in memory), sent at BENCH_MEMORY_CONCURRENCY.
 */
import { randomBytes } from 'node:crypto';

import { closeDispatchers } from '../nodes/shared/transport';
import { runWorkflow } from '../test/helpers/engine';
import { sharedBinaryData } from '../test/helpers/engine/node-types';

const imageMib = Number(process.env.BENCH_IMAGE_MIB ?? 0);

function itemsOf(count: number) {
	if (imageMib > 0)
		sharedBinaryData.set('photo', randomBytes(imageMib * 2 ** 20).toString('base64'));
	const photo = { data: '$shared:photo', mimeType: 'image/png' };
	return Array.from({ length: count }, (_, index) => ({
		question: `Row ${index}: what is deep learning?`,
		...(imageMib > 0 ? { $binary: { photo } } : {}),
	}));
}

async function main() {
	const count = Number(process.env.BENCH_ITEMS ?? 10_000);
	const items = itemsOf(count);
	const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
	const started = performance.now();
	const result = await runWorkflow({
		items,
		node: {
			parameters: {
				messages: { values: [{ role: 'user', content: '={{ $json.question }}' }] },
				options: {
					concurrency: Number(process.env.BENCH_MEMORY_CONCURRENCY ?? 32),
					...(imageMib > 0 ? { imageBinaryProperties: 'photo' } : {}),
				},
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
