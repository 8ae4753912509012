'use strict';
/*
 * Scenario 3: images on the workers. `calls` webhook calls at once, each asking for two images
 * (one answered as the JSON envelope, one as raw PNG bytes), through Generate an Image and on to
 * Extract from File, with binary data in PostgreSQL (N8N_DEFAULT_BINARY_DATA_MODE=database).
 */
const { fireImages, imagesProblem } = require('./image-workflow');
const { executionsAfter } = require('./scenarios');
const { workerExecutions } = require('./n8n-queue');

const promptsOf = (call) => [`image call ${call}, json answer`, `image call ${call} [[shape:raw]]`];

async function imageBurst(ctx, calls) {
	const afterId = Number(ctx.pg.query('select coalesce(max(id), 0) from execution_entity')) || 0;
	const t0 = Date.now();
	const answers = await Promise.all(
		Array.from({ length: calls }, (_, call) => fireImages(ctx.main.url, promptsOf(call), 120000)),
	);
	const ran = ctx.workers.map((w) => workerExecutions(w).finished.filter((id) => id > afterId));
	return {
		wallMs: Date.now() - t0,
		problems: answers
			.map((answer, call) => imagesProblem(answer, promptsOf(call)))
			.map((problem, call) => problem && `call ${call}: ${problem}`)
			.filter(Boolean),
		answers,
		executions: executionsAfter(ctx.pg, afterId),
		ranOnWorkers: ran.flat(),
		binaryRows: Number(ctx.pg.query('select count(*) from binary_data')) || 0,
	};
}

function check(condition, message) {
	if (!condition) throw new Error(message);
}

/** Every image came back byte for byte, in both answer shapes. */
function imagesIntact(s) {
	check(!s.problems.length, s.problems.slice(0, 4).join('\n'));
	return `${s.answers.length} calls × 2 PNGs (json and raw answers) intact after Extract from File, ${s.wallMs} ms`;
}

/** Each call one successful execution, run by a worker, its images stored in PostgreSQL. */
function ranOnWorkersWithDatabaseBinaries(s) {
	const ids = s.executions.map((e) => e.id);
	check(
		s.executions.length === s.answers.length && s.executions.every((e) => e.status === 'success'),
		`executions ${JSON.stringify(s.executions)}`,
	);
	const elsewhere = ids.filter((id) => !s.ranOnWorkers.includes(id));
	check(!elsewhere.length, `executions not run by a worker: ${elsewhere.join(', ')}`);
	check(s.binaryRows > 0, 'no row in binary_data: the images were not stored in the database');
	return `executions ${ids.join(', ')} on the workers; binary_data holds ${s.binaryRows} rows`;
}

module.exports = { imageBurst, imagesIntact, ranOnWorkersWithDatabaseBinaries };
