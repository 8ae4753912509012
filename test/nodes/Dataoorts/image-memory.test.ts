/**
 * Images in flight cost at most 2.5 × their size each (issue 17), inside n8n-core's
 * WorkflowExecute: 16 items with a 2 MiB image, all in flight at once against a server in
 * another process (test/server/holding.js) that holds them, while this process's memory is
 * measured. Counted: memory outside V8's heap (buffers) and V8's large-object spaces (where
 * strings of megabytes live), garbage not yet collected included, as a peak would see it.
 * (The full figure, 200 items × 4 MiB at concurrency 64: `npm run bench`, image-memory.)
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import v8 from 'node:v8';

import { closeDispatchers } from '../../../nodes/shared/transport';
import { runWorkflow } from '../../helpers/engine';
import { sharedBinaryData } from '../../helpers/engine/node-types';

const ITEMS = 16;
const IMAGE_BYTES = 2 * 2 ** 20;
const LARGE_SPACES = new Set(['large_object_space', 'new_large_object_space']);

/** Buffers and large strings, in bytes. */
function largeMemory(): number {
	const large = v8
		.getHeapSpaceStatistics()
		.filter((space) => LARGE_SPACES.has(space.space_name))
		.reduce((sum, space) => sum + space.space_used_size, 0);
	return process.memoryUsage().external + large;
}

afterAll(async () => await closeDispatchers());

test('16 images of 2 MiB in flight: at most 2.5 × the image each, and each sent whole', async () => {
	const holder = spawn(process.execPath, [
		path.resolve(__dirname, '../../server/holding.js'),
		String(ITEMS),
	]);
	const lines = createInterface({ input: holder.stdout })[Symbol.asyncIterator]();
	try {
		const port = Number(String((await lines.next()).value).replace('port ', ''));
		sharedBinaryData.set('photo', randomBytes(IMAGE_BYTES).toString('base64'));
		const photo = { data: '$shared:photo', mimeType: 'image/png' };
		const items = Array.from({ length: ITEMS }, (_, index) => ({
			q: `${index}`,
			$binary: { photo },
		}));
		const baseline = largeMemory();
		let inFlight = 0;
		let received = 0;
		void lines.next().then(({ value }) => {
			inFlight = largeMemory() - baseline;
			received = Number(String(value).split(' ')[2]);
			holder.stdin.write('go\n');
		});
		const result = await runWorkflow({
			items,
			node: {
				parameters: {
					model: 'google/gemma-3-12b-it',
					messages: { values: [{ role: 'user', content: '={{ $json.q }}' }] },
					options: { concurrency: ITEMS, imageBinaryProperties: 'photo' },
				},
			},
			credential: { apiKey: 'dk-memory-test', baseUrl: `http://127.0.0.1:${port}/api/v1` },
		});
		expect(result.outputs![0].map((item) => item.json.response)).toEqual(Array(ITEMS).fill('seen'));
		// Every image arrived whole, as base64 (4 bytes per 3).
		expect(received).toBeGreaterThan(ITEMS * Math.ceil(IMAGE_BYTES / 3) * 4);
		expect(inFlight / (ITEMS * IMAGE_BYTES)).toBeLessThanOrEqual(2.5);
	} finally {
		sharedBinaryData.delete('photo');
		holder.stdin.end();
		holder.kill();
	}
}, 30_000);
