'use strict';
/*
 * What the queue suite asserts about one burst (see scenarios.js for what a burst gathers).
 * Each check returns a short note when it holds and throws what is wrong when it does not.
 */

function assert(condition, message) {
	if (!condition) throw new Error(message);
}

const list = (values, max = 8) =>
	values.length > max
		? `${values.slice(0, max).join(', ')}, … (${values.length})`
		: values.join(', ');

/** The workers' error lines of the burst, counted, as extra lines of a failure. */
const workerErrors = (s) =>
	s.errors.length
		? `\nworkers logged: ${s.errors
				.slice(0, 3)
				.map((e) => `${e.count} × ${e.line.slice(0, 160)}`)
				.join('\n')}`
		: '';

/** Every webhook answered 200 with its items, each answering its own prompt, in order. */
function allAnswered(s) {
	const slowest = Math.max(...s.answers.map((a) => a.ms));
	const wrong = s.problems.map((p) => `run ${p.run}: ${p.problem}`);
	const head = `${wrong.length} of ${s.answers.length} runs wrong`;
	assert(!wrong.length, `${head}:${workerErrors(s)}\n${wrong.slice(0, 6).join('\n')}`);
	return `${s.answers.length} answers × ${s.items / s.answers.length} items, slowest ${slowest} ms`;
}

/** Per prompt of the burst, how many attempts were answered 200. */
function successCounts(s) {
	const missing = s.prompts.filter((p) => !s.figures.successes.get(p));
	const duplicated = s.prompts.filter((p) => (s.figures.successes.get(p) ?? 0) > 1);
	return { missing, duplicated };
}

function everyPromptOnce(s) {
	const { missing, duplicated } = successCounts(s);
	assert(!missing.length, `${missing.length} prompts never answered 200: ${list(missing, 4)}`);
	assert(!duplicated.length, `${duplicated.length} prompts answered 200 more than once`);
	return `${s.prompts.length} prompts, each answered 200 exactly once`;
}

function everyPromptAnswered(s) {
	const { missing, duplicated } = successCounts(s);
	assert(!missing.length, `${missing.length} prompts never answered 200: ${list(missing, 4)}`);
	return `${s.prompts.length} prompts answered; ${duplicated.length} answered more than once`;
}

/** One execution per run in PostgreSQL, every one finished with status success. */
function executionsSucceeded(s) {
	const bad = s.executions.filter((e) => e.status !== 'success' || !e.finished);
	assert(
		s.executions.length === s.runs.length,
		`${s.executions.length} executions, want ${s.runs.length}`,
	);
	const which = bad.map((e) => `${e.id}=${e.status}`).join(', ');
	assert(!bad.length, `${bad.length} not success: ${which}${workerErrors(s)}`);
	return `${s.executions.length} executions, all success`;
}

function executionsPerWorker(s) {
	return Object.entries(s.workers)
		.map(([name, w]) => `${name} ${new Set(w.started).size}`)
		.join(', ');
}

/** Both workers ran executions; every execution of the burst started on exactly one worker. */
function bothWorkersRan(s) {
	const names = Object.keys(s.workers);
	const idle = names.filter((n) => !s.workers[n].started.length);
	assert(!idle.length, `ran no execution: ${idle.join(', ')}`);
	const seen = new Map();
	for (const n of names)
		for (const id of s.workers[n].started) seen.set(id, [...(seen.get(id) ?? []), n]);
	const twice = [...seen].filter(([, on]) => on.length > 1).map(([id, on]) => `${id} (${on})`);
	const nowhere = s.executions.filter((e) => !seen.has(e.id)).map((e) => e.id);
	assert(!twice.length, `started on more than one worker: ${twice.join(', ')}`);
	assert(!nowhere.length, `in the database but in no worker's log: ${list(nowhere)}`);
	return `executions per worker: ${executionsPerWorker(s)}`;
}

const MAX_ATTEMPTS_PER_ITEM = 1.3;

function attemptsWithinBound(s) {
	const { attempts, limited } = s.figures;
	const bound = Math.floor(MAX_ATTEMPTS_PER_ITEM * s.items);
	assert(
		attempts <= bound,
		`${attempts} attempts for ${s.items} items (${limited} got 429) > ${bound} (${MAX_ATTEMPTS_PER_ITEM} × items)`,
	);
	return `${attempts} attempts for ${s.items} items (${limited} got 429) ≤ ${bound}`;
}

/** The SIGTERMed worker was running executions then, and left by itself (no SIGKILL), code 0. */
function victimLeftGracefully(s) {
	assert(s.runningAtSigterm.length, `${s.victim} ran no execution when SIGTERM came`);
	assert(!s.exit.killed, `${s.victim} did not exit within 60 s of SIGTERM: SIGKILLed`);
	assert(s.exit.code === 0, `${s.victim} exited with code ${s.exit.code} (${s.exit.signal})`);
	return `SIGTERM at ${s.sigtermAtMs} ms with ${s.runningAtSigterm.length} running (${list(s.runningAtSigterm)}); exited 0 after ${s.exit.ms} ms`;
}

/** Each execution running on the victim at SIGTERM finished there or started on another worker. */
function runningNotLost(s) {
	const victim = s.workers[s.victim];
	const others = Object.keys(s.workers).filter((n) => n !== s.victim);
	const finishedThere = s.runningAtSigterm.filter((id) => victim.finished.includes(id));
	const handedOn = s.runningAtSigterm.filter(
		(id) => !finishedThere.includes(id) && others.some((n) => s.workers[n].started.includes(id)),
	);
	const lost = s.runningAtSigterm.filter(
		(id) => !finishedThere.includes(id) && !handedOn.includes(id),
	);
	assert(!lost.length, `neither finished on ${s.victim} nor handed on: ${list(lost)}`);
	return `${finishedThere.length} finished on ${s.victim}, ${handedOn.length} handed on`;
}

/** One line of figures for the report. */
function figuresLine(label, s) {
	const f = s.figures;
	const statuses = Object.entries(f.statuses)
		.map(([k, v]) => `${k}:${v}`)
		.join(' ');
	const failed = s.executions.filter((e) => e.status !== 'success').length;
	return `# ${label}: wall ${(s.wallMs / 1000).toFixed(1)} s, ${failed} of ${s.executions.length} executions failed, ${f.attempts} attempts for ${s.items} items (${(f.attempts / s.items).toFixed(2)}×), ${f.limited} got 429, statuses ${statuses}, peak ${f.peakPerSecond} req/s, executions per worker: ${executionsPerWorker(s)}`;
}

module.exports = {
	allAnswered,
	everyPromptOnce,
	everyPromptAnswered,
	executionsSucceeded,
	bothWorkersRan,
	attemptsWithinBound,
	victimLeftGracefully,
	runningNotLost,
	figuresLine,
	MAX_ATTEMPTS_PER_ITEM,
};
