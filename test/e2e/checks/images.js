'use strict';
/*
 * Workflow checks, part 5: Generate an Image writes PNG files that decode, for both documented
 * answer shapes (the stand-in answers with the JSON envelope, or with the raw bytes).
 * Entry fields are described in checks/index.js.
 */
const fs = require('fs');
const path = require('path');
const { assert, J } = require('../lib/reporter');
const { nodeOutput, nodeError } = require('../n8n-harness');
const { decodePng } = require('../lib/png');

function imageCheck(shape) {
	return {
		id: `12-image-generation${shape === 'json' ? '' : `-${shape}`}`,
		title: `prompts -> Generate an Image (${shape} answers) -> PNG files`,
		workflow: '12-image-generation.json',
		versions: 'all',
		before: (ctx) => ctx.api.setImageAnswer(shape),
		after: (ctx) => ctx.api.setImageAnswer('json'),
		verify({ run, requests, ctx }) {
			const images = nodeOutput(run, 'Generate an Image');
			assert(
				images && images.length === 2,
				`Generate an Image output ${J(images)}; error ${J(nodeError(run, 'Generate an Image'))}`,
			);
			assert(requests.length === 2, `expected 2 API requests, got ${requests.length}`);
			assert(
				J(requests.map((r) => r.body.data)) ===
					J([
						{ prompt: 'A lighthouse on a cliff at dawn, oil painting', steps: 4, seed: 42 },
						{ prompt: 'A red fox in fresh snow, photograph', steps: 4, seed: 42 },
					]),
				`requests ${J(requests.map((r) => r.body))}`,
			);
			const notes = [1, 2].map((row) => {
				const file = path.join(ctx.outDir, `row-${row}-flux-1-schnell-${row}.png`);
				assert(
					fs.existsSync(file),
					`${file} not written; Write Image Files: ${J(nodeError(run, 'Write Image Files'))}; files ${J(fs.readdirSync(ctx.outDir))}`,
				);
				const bytes = fs.readFileSync(file);
				const { width, height } = decodePng(bytes);
				assert(
					images[row - 1].fileSize === bytes.length,
					`item ${row} ${J(images[row - 1])} vs ${bytes.length} bytes`,
				);
				fs.rmSync(file);
				return `${path.basename(file)} ${width}x${height} ${bytes.length} B`;
			});
			return notes.join(', ');
		},
	};
}

module.exports = [imageCheck('json'), imageCheck('raw')];
