'use strict';
/*
 * The two bursts. Each fires `runs` webhook calls at once (run r asks for `items` items) and
 * gathers what the checks read: the webhook answers, the stand-in's figures, the executions in
 * PostgreSQL and which worker ran which (from the workers' "Worker started execution N" lines).
 */
const { WEBHOOK_PATH, answerProblem, promptFor } = require('./workflow');
const { workerExecutions } = require('./n8n-queue');
const { sleep } = require('./procs');

/** POSTs { run, items } for every run at once; resolves the answers in run order. */
async function fireBurst(mainUrl, runs, items, { timeoutMs }) {
	const url = `${mainUrl}/webhook/${WEBHOOK_PATH}`;
	const one = async (run) => {
		const t0 = Date.now();
		try {
			const res = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ run, items }),
				signal: AbortSignal.timeout(timeoutMs),
			});
			const text = await res.text();
			let json;
			try {
				json = JSON.parse(text);
			} catch {
				json = undefined;
			}
			return { run, status: res.status, text, json, ms: Date.now() - t0 };
		} catch (error) {
			return { run, status: 'error', text: error.message, ms: Date.now() - t0 };
		}
	};
	return Promise.all(runs.map(one));
}

/** Executions after `afterId` in PostgreSQL: [{ id, status, finished }]. */
function executionsAfter(pg, afterId) {
	const rows = pg.query(
		`select id, status, finished from execution_entity where id > ${Number(afterId)} order by id`,
	);
	return rows
		.split('\n')
		.filter(Boolean)
		.map((line) => {
			const [id, status, finished] = line.split('|');
			return { id: Number(id), status, finished: finished === 't' };
		});
}

function lastExecutionId(pg) {
	return Number(pg.query('select coalesce(max(id), 0) from execution_entity')) || 0;
}

/** Per worker name: the execution ids (after `afterId`) its log says it started / finished. */
function byWorker(workers, afterId) {
	const out = {};
	for (const w of workers) {
		const { started, finished } = workerExecutions(w);
		out[w.name] = {
			started: started.filter((id) => id > afterId),
			finished: finished.filter((id) => id > afterId),
		};
	}
	return out;
}

/** Where each worker's output stands now (errors are read from there on). */
const logMarks = (workers) => workers.map((w) => w.proc.output().length);

/** Error lines the workers logged since `marks`, counted: [{ line, count }], most frequent first. */
function workerErrors(workers, marks) {
	const counts = new Map();
	workers.forEach((w, i) => {
		const out = w.proc.output();
		for (const line of out.slice(out.length >= marks[i] ? marks[i] : 0).split('\n'))
			if (/error|gave up|failed/i.test(line)) counts.set(line, (counts.get(line) ?? 0) + 1);
	});
	return [...counts].map(([line, count]) => ({ line, count })).sort((a, b) => b.count - a.count);
}

/** What one burst left behind, for the checks. */
function outcome(ctx, runs, answers, afterId, t0, marks) {
	const { standIn, pg, workers } = ctx;
	const problems = answers
		.map((a) => ({ run: a.run, problem: answerProblem(a, a.run, ctx.items) }))
		.filter((p) => p.problem);
	const prompts = runs.flatMap((run) =>
		Array.from({ length: ctx.items }, (_, i) => promptFor(run, i)),
	);
	return {
		runs,
		items: runs.length * ctx.items,
		answers,
		problems,
		prompts,
		wallMs: Date.now() - t0,
		figures: standIn.figures(),
		executions: executionsAfter(pg, afterId),
		workers: byWorker(workers, afterId),
		errors: workerErrors(workers, marks),
	};
}

/** Scenario 1: the whole burst on both workers. */
async function burst(ctx, firstRun) {
	ctx.standIn.resetRecord();
	const runs = Array.from({ length: ctx.runs }, (_, i) => firstRun + i);
	const afterId = lastExecutionId(ctx.pg);
	const marks = logMarks(ctx.workers);
	const t0 = Date.now();
	const answers = await fireBurst(ctx.main.url, runs, ctx.items, { timeoutMs: ctx.burstTimeoutMs });
	return outcome(ctx, runs, answers, afterId, t0, marks);
}

/**
 * Scenario 2: the same burst; once `victim` is running executions and a tenth of the items are
 * answered, SIGTERM to it (as an orchestrator does on deploy), then wait for all answers and
 * for its exit.
 */
async function burstWithSigterm(ctx, firstRun, victim) {
	ctx.standIn.resetRecord();
	const runs = Array.from({ length: ctx.runs }, (_, i) => firstRun + i);
	const afterId = lastExecutionId(ctx.pg);
	const marks = logMarks(ctx.workers);
	const t0 = Date.now();
	const pending = fireBurst(ctx.main.url, runs, ctx.items, { timeoutMs: ctx.burstTimeoutMs });
	const itemsTotal = runs.length * ctx.items;
	let runningAtSigterm = [];
	while (Date.now() - t0 < ctx.burstTimeoutMs) {
		const { started, finished } = byWorker([victim], afterId)[victim.name];
		runningAtSigterm = started.filter((id) => !finished.includes(id));
		if (runningAtSigterm.length && ctx.standIn.figures().answered200 >= itemsTotal / 10) break;
		await sleep(100);
	}
	const sigtermAtMs = Date.now() - t0;
	const stopped = victim.proc.stop('SIGTERM', 60000, { leaderOnly: true });
	const answers = await pending;
	const exit = await stopped;
	const result = outcome(ctx, runs, answers, afterId, t0, marks);
	return { ...result, victim: victim.name, sigtermAtMs, runningAtSigterm, exit };
}

module.exports = { burst, burstWithSigterm, fireBurst, executionsAfter };
