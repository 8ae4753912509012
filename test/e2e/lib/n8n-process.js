'use strict';
/*
 * n8n processes: `n8n <command>` to completion and `n8n start` until it serves, each in its own
 * process group, all killed when the suite exits. `info` comes from install-n8n.js (node, bin).
 */
const { spawn } = require('child_process');

/** Every n8n process started here (each in its own process group), for killAll(). */
const children = new Set();
function track(child) {
	children.add(child);
	child.on('exit', () => children.delete(child));
	return child;
}
function killAll() {
	for (const c of children) killTree(c, 'SIGKILL');
}
process.on('exit', killAll);

/** Runs `n8n <args>`; resolves { code, stdout, stderr, ms }. Never hangs longer than timeoutMs. */
function runN8n(info, args, env, { timeoutMs = 120000 } = {}) {
	return new Promise((resolve) => {
		const t0 = Date.now();
		const child = track(
			spawn(info.node, [info.bin, ...args], {
				env,
				stdio: ['ignore', 'pipe', 'pipe'],
				detached: true,
			}),
		);
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => {
			timedOut = true;
			killTree(child);
		}, timeoutMs);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			// n8n may leave task-runner children behind in its process group
			killTree(child, 'SIGKILL');
			resolve({ code: timedOut ? 'TIMEOUT' : code, signal, stdout, stderr, ms: Date.now() - t0 });
		});
	});
}

function killTree(child, signal = 'SIGTERM') {
	try {
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {
			/* gone */
		}
	}
}

/**
/** Starts `n8n start`; resolves when /healthz answers. Returns { url, stop(), output() }. */
async function startN8n(info, env, { port, timeoutMs = 90000 } = {}) {
	const child = track(
		spawn(info.node, [info.bin, 'start'], {
			env: { ...env, N8N_PORT: String(port), N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/` },
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		}),
	);
	let out = '';
	child.stdout.on('data', (d) => (out += d));
	child.stderr.on('data', (d) => (out += d));
	let exited = false;
	child.on('exit', () => (exited = true));
	const url = `http://127.0.0.1:${port}`;
	const stop = async () => {
		if (exited) return;
		killTree(child, 'SIGTERM');
		const t0 = Date.now();
		while (!exited && Date.now() - t0 < 15000) await sleep(200);
		if (!exited) killTree(child, 'SIGKILL');
		killTree(child, 'SIGKILL'); // leftovers (task runners) in the group
	};
	const t0 = Date.now();
	while (Date.now() - t0 < timeoutMs) {
		if (exited) throw new Error(`n8n start exited early:\n${out.slice(-4000)}`);
		try {
			// /healthz answers before the REST routes exist (1.x): wait for /rest/settings too.
			const r = await fetch(`${url}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
			const s =
				r.ok && (await fetch(`${url}/rest/settings`, { signal: AbortSignal.timeout(2000) }));
			if (s && s.ok) return { url, stop, output: () => out, child, startMs: Date.now() - t0 };
		} catch {
			/* not yet */
		}
		await sleep(500);
	}
	await stop();
	throw new Error(`n8n start not ready after ${timeoutMs} ms:\n${out.slice(-4000)}`);
}

function sleep(ms) {
	return new Promise((r) => setTimeout(r, ms));
}
module.exports = { runN8n, startN8n, killTree, killAll, sleep };
