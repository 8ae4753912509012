'use strict';
/*
 * Workflow checks, part 2: the error output, JSON output mapped by a Set node, an image input.
 * Entry fields are described in checks/index.js.
 */
const { assert, J } = require('../lib/reporter');
const { nodeOutput, nodeError } = require('../n8n-harness');

const errorOutput = {
	id: '04-error-output',
	title: 'failing row -> error output',
	workflow: '04-error-output.json',
	versions: 'all',
	verify({ run }) {
		const ok = nodeOutput(run, 'Dataoorts', 0);
		const err = nodeOutput(run, 'Dataoorts', 1);
		assert(ok && ok.length === 2, `success output ${J(ok)}`);
		assert(
			ok[0].response.includes('Row 1:') && ok[1].response.includes('Row 3:'),
			`success answers ${J(ok.map((x) => x.response))}`,
		);
		assert(err && err.length === 1, `error output ${J(err)}`);
		assert(typeof err[0].error === 'string' && err[0].error.length > 0, `error item ${J(err[0])}`);
		const failed = nodeOutput(run, 'Failed Rows');
		assert(J(failed && failed.map((x) => x.failedRow)) === J([2]), `Failed Rows ${J(failed)}`);
		const answers = nodeOutput(run, 'Answers');
		assert(answers && answers.length === 2, `Answers ${J(answers)}`);
		return `error: ${J(err[0].error.slice(0, 80))}`;
	},
};

const jsonOutput = {
	id: '06-json-output',
	title: 'JSON output -> Set maps $json.data',
	workflow: '06-json-output.json',
	versions: 'all',
	verify({ run, requests }) {
		assert(requests.length === 2, `expected 2 API requests, got ${requests.length}`);
		assert(
			requests.every(
				(r) => r.body.data.guided_json && r.body.data.guided_json.required.join() === 'title,topic',
			),
			`guided_json ${J(requests.map((r) => r.body.data.guided_json))}`,
		);
		const rows = nodeOutput(run, 'Sheet Row');
		const articles = nodeOutput(run, 'Articles');
		assert(
			rows && rows.length === 2,
			`Sheet Row output ${J(rows)}; error ${J(nodeError(run, 'Dataoorts'))}`,
		);
		rows.forEach((row, i) => {
			assert(
				row.title === `Echo: ${articles[i].article}` &&
					row.topic === row.title &&
					row.article === articles[i].article,
				`row ${i} ${J(row)}`,
			);
		});
		return `${rows.length} rows mapped from data`;
	},
};

const imageInput = {
	id: '07-image-description',
	title: 'image (Convert to File -> Dataoorts)',
	workflow: '07-image-description.json',
	versions: 'all',
	verify({ run, requests }) {
		assert(
			requests.length === 1,
			`expected 1 API request, got ${requests.length}; error ${J(nodeError(run, 'Dataoorts'))}`,
		);
		const content = requests[0].body.data.messages[0].content;
		const png = nodeOutput(run, 'Image As Base64')[0].image;
		assert(
			J(content) ===
				J([
					{ type: 'text', text: 'Describe this image in one sentence.' },
					{ type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } },
				]),
			`content ${J(content).slice(0, 400)}`,
		);
		const out = nodeOutput(run, 'Dataoorts');
		assert(
			out && out[0].response === 'Echo: Describe this image in one sentence.',
			`output ${J(out)}`,
		);
		return 'image sent as data URI';
	},
};

module.exports = [errorOutput, jsonOutput, imageInput];
