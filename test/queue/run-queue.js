#!/usr/bin/env node
'use strict';
/*
 * Queue mode: the package on n8n's distributed engine. Starts Redis, PostgreSQL, an n8n main
 * (EXECUTIONS_MODE=queue) and two workers (concurrency 5) on 127.0.0.1 as children of this run,
 * sharing one user folder with the packed tarball installed the README's way, and a loopback
 * Dataoorts stand-in with an account limit (token bucket, 429 + Retry-After). Then:
 *   scenario 1: a Webhook → Code (50 items) → Dataoorts workflow fired 20 times at once;
 *   scenario 2: the same burst, SIGTERM to one worker in the middle of it;
 *   scenario 3 (before 2, while both workers run): Generate an Image → Extract from File, images
 *   in both answer shapes, binary data in PostgreSQL.
 * One line per check, figures as "# " lines, and last `queue: N passed, N failed`.
 *
 *   node test/queue/run-queue.js     env: QUEUE_KEEP=1 (keep the whole run folder; a failed
 *                                         run keeps its *.log files anyway),
 *                                         QUEUE_TIMEOUT_MINUTES (whole run, default 15)
 */
const setup = require('./setup');
const { burst, burstWithSigterm } = require('./scenarios');
const c = require('./checks');
const images = require('./image-scenario');

const N8N_VERSION = '2.41.1';
const ctx = {
	runs: 20,
	items: 50,
	workerCount: 2,
	workerConcurrency: 5,
	burstTimeoutMs: 180000,
	account: { latencyMs: 100, ratePerSecond: 100, burst: 20 },
	started: [],
};

const scenario1 = async () => {
	ctx.s1 = await burst(ctx, 1);
	console.log(c.figuresLine('scenario 1', ctx.s1));
	return `${(ctx.s1.wallMs / 1000).toFixed(1)} s`;
};
const scenario3 = async () => {
	ctx.s3 = await images.imageBurst(ctx, 4);
	return `${(ctx.s3.wallMs / 1000).toFixed(1)} s`;
};
const scenario2 = async () => {
	ctx.s2 = await burstWithSigterm(ctx, 101, ctx.workers[1]);
	console.log(c.figuresLine('scenario 2', ctx.s2));
	return `${(ctx.s2.wallMs / 1000).toFixed(1)} s`;
};

const { runs: R, items: I } = ctx;
/**
 * The suite: [name, step, needs, provides]. A step whose `needs` failed is a failure "not run";
 * a failed setup step fails 'setup', a failed scenario its checks ('s1', 's2').
 */
const SUITE = [
	['apt: redis-server and postgresql', setup.aptPackages, 'setup'],
	[
		`n8n ${N8N_VERSION} (and its Node) in the e2e cache`,
		() => setup.n8nInCache(ctx, N8N_VERSION),
		'setup',
	],
	['run folder', () => setup.runFolder(ctx), 'setup'],
	[
		'npm run build, npm pack, cd <user folder>/.n8n/nodes && npm install <tgz> --omit=peer',
		() => setup.packAndInstall(ctx),
		'setup',
	],
	['Redis and PostgreSQL on 127.0.0.1', () => setup.startServices(ctx), 'setup'],
	['credential + workflow imported, workflow published', () => setup.importWorkflow(ctx), 'setup'],
	[
		`n8n main (queue mode) + ${ctx.workerCount} workers (concurrency ${ctx.workerConcurrency})`,
		() => setup.startN8n(ctx),
		'setup',
	],
	[`scenario 1: ${R} webhook calls × ${I} items at once`, scenario1, 'setup', 's1'],
	[
		's1: every call answered with its items, each answering its own prompt, in order',
		() => c.allAnswered(ctx.s1),
		's1',
	],
	[
		's1: every prompt answered exactly once (none lost, none duplicated)',
		() => c.everyPromptOnce(ctx.s1),
		's1',
	],
	[
		's1: one execution per call in PostgreSQL, all success',
		() => c.executionsSucceeded(ctx.s1),
		's1',
	],
	[
		's1: both workers ran executions, each execution on one worker',
		() => c.bothWorkersRan(ctx.s1),
		's1',
	],
	[`s1: attempts ≤ ${c.MAX_ATTEMPTS_PER_ITEM} × items`, () => c.attemptsWithinBound(ctx.s1), 's1'],
	['scenario 3: 4 webhook calls × 2 images at once (Generate an Image)', scenario3, 'setup', 's3'],
	[
		's3: every image reaches Extract from File intact, JSON and raw answers alike',
		() => images.imagesIntact(ctx.s3),
		's3',
	],
	[
		's3: one successful execution per call, on the workers; images in binary_data (database mode)',
		() => images.ranOnWorkersWithDatabaseBinaries(ctx.s3),
		's3',
	],
	[`scenario 2: ${R} × ${I} again, SIGTERM to worker-2 mid-burst`, scenario2, 'setup', 's2'],
	[
		's2: worker-2 was running executions and shut down gracefully (exit 0)',
		() => c.victimLeftGracefully(ctx.s2),
		's2',
	],
	[
		"s2: worker-2's running executions finished there or were handed on",
		() => c.runningNotLost(ctx.s2),
		's2',
	],
	[
		's2: every call answered with its items, each answering its own prompt, in order',
		() => c.allAnswered(ctx.s2),
		's2',
	],
	[
		's2: one execution per call in PostgreSQL, all success',
		() => c.executionsSucceeded(ctx.s2),
		's2',
	],
	['s2: every prompt answered (nothing lost)', () => c.everyPromptAnswered(ctx.s2), 's2'],
	['stopped: n8n, then Redis and PostgreSQL', () => setup.stopAll(ctx), 'always'],
];

const results = [];
function report(name, ok, note) {
	results.push(ok);
	const text = String(note ?? '')
		.split('\n')
		.slice(0, 12)
		.join('\n#   ');
	console.log(`${ok ? 'ok' : 'not ok'} ${results.length} - ${name}${text ? ` # ${text}` : ''}`);
}

function summary() {
	const passed = results.filter(Boolean).length;
	console.log(
		`# queue run ${((Date.now() - ctx.t0) / 1000).toFixed(1)} s, folder ${ctx.dir ?? '-'}`,
	);
	console.log(`queue: ${passed} passed, ${results.length - passed} failed`);
	return passed === results.length ? 0 : 1;
}

async function main() {
	ctx.t0 = Date.now();
	const minutes = Number(process.env.QUEUE_TIMEOUT_MINUTES) || 15;
	setTimeout(() => {
		report(`whole run within ${minutes} minutes`, false, 'timed out: stopping everything');
		process.exit(summary() || 1); // the exit handler kills every process group
	}, minutes * 60000).unref();
	const failed = new Set();
	for (const [name, step, needs, provides = needs === 'setup' ? 'setup' : undefined] of SUITE) {
		if (needs !== 'always' && failed.has(needs)) {
			report(name, false, `not run: ${needs} failed`);
			if (provides) failed.add(provides);
			continue;
		}
		try {
			report(name, true, await step());
		} catch (error) {
			report(name, false, error.message);
			if (provides) failed.add(provides);
		}
	}
	const code = summary();
	if (ctx.dir && process.env.QUEUE_KEEP !== '1') setup.cleanUp(ctx, { keepLogs: code !== 0 });
	process.exit(code);
}

main();
