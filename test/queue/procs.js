'use strict';
/*
 * Child processes of the queue suite: each in its own process group (so task runners and
 * postgres' backends go with it), output kept in memory and in a log file, and every group
 * killed when the suite exits, however it exits.
 */
const fs = require('fs');
const { spawn } = require('child_process');

// A TCP port free on 127.0.0.1 right now: the e2e suite's helper.
const { freePort } = require('../e2e/lib/version-context');

const running = new Set();

function killGroup(child, signal) {
	try {
		process.kill(-child.pid, signal);
	} catch {
		/* already gone */
	}
}

process.on('exit', () => {
	for (const p of running) killGroup(p.child, 'SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(signal, () => {
		console.error(`queue: ${signal}, stopping everything`);
		process.exit(130);
	});
}

/**
 * Starts `cmd args` detached (own process group). Returns a handle:
 * { name, child, pid, output(), exited (promise of { code, signal }), isRunning(), stop() }.
 */
function startProcess(name, cmd, args, { env, cwd, uid, gid, logFile } = {}) {
	const child = spawn(cmd, args, {
		env,
		cwd,
		uid,
		gid,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const log = logFile ? fs.createWriteStream(logFile) : null;
	let out = '';
	const onData = (d) => {
		out += d;
		if (out.length > 4_000_000) out = out.slice(-2_000_000);
		if (log) log.write(d);
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	let done = null;
	const handle = {
		name,
		child,
		pid: child.pid,
		output: () => out,
		isRunning: () => done === null,
		result: () => done,
	};
	handle.exited = new Promise((resolve) => {
		child.on('error', (error) => {
			out += `\nspawn error: ${error.message}\n`;
		});
		child.on('close', (code, signal) => {
			done = { code, signal };
			running.delete(handle);
			killGroup(child, 'SIGKILL'); // leftovers in the group
			if (log) log.end();
			resolve(done);
		});
	});
	handle.stop = (...args) => stopProcess(handle, ...args);
	running.add(handle);
	return handle;
}

/**
 * `signal` to the group (or only to the process, as an orchestrator does, with `leaderOnly`),
 * SIGKILL to the group after `graceMs`; resolves { code, signal, ms, killed }.
 */
async function stopProcess(
	handle,
	signal = 'SIGTERM',
	graceMs = 20000,
	{ leaderOnly = false } = {},
) {
	const t0 = Date.now();
	if (!handle.isRunning()) return { ...handle.result(), ms: 0, killed: false };
	let killed = false;
	if (leaderOnly) handle.child.kill(signal);
	else killGroup(handle.child, signal);
	const timer = setTimeout(() => {
		killed = true;
		killGroup(handle.child, 'SIGKILL');
	}, graceMs);
	const result = await handle.exited;
	clearTimeout(timer);
	return { ...result, ms: Date.now() - t0, killed };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` (async, true when ready) until `timeoutMs`; fails early when `proc` exits. */
async function waitFor(what, probe, { proc, timeoutMs = 60000, everyMs = 300 } = {}) {
	const t0 = Date.now();
	while (Date.now() - t0 < timeoutMs) {
		if (proc && !proc.isRunning())
			throw new Error(`${what}: ${proc.name} exited early:\n${proc.output().slice(-3000)}`);
		try {
			if (await probe()) return Date.now() - t0;
		} catch {
			/* not yet */
		}
		await sleep(everyMs);
	}
	const tail = proc ? `\n${proc.output().slice(-3000)}` : '';
	throw new Error(`${what}: not ready after ${timeoutMs} ms${tail}`);
}

module.exports = { startProcess, freePort, sleep, waitFor, running };
