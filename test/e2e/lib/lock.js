'use strict';
/* A lock file per cache entry: suites sharing the cache (two clones, the queue suite) never install into one folder at once. */
const fs = require('fs');
const path = require('path');

const log = (...args) => console.error('[e2e-cache]', ...args);

const sleepSync = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function alive(pid) {
	if (!pid) return true; // the holder is still writing its pid
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return e.code === 'EPERM';
	}
}

/** Runs fn holding <dir>.lock, so that suites sharing the cache never install into one folder at once. */
function withLock(dir, fn, { timeoutMs = 60 * 60 * 1000 } = {}) {
	const lock = `${dir}.lock`;
	fs.mkdirSync(path.dirname(lock), { recursive: true });
	const t0 = Date.now();
	for (let waited = false; ; waited = true) {
		try {
			fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
			break;
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
		}
		const pid = Number(
			(() => {
				try {
					return fs.readFileSync(lock, 'utf8');
				} catch {
					return 'gone';
				}
			})(),
		);
		if (Number.isNaN(pid) || !alive(pid)) {
			if (!Number.isNaN(pid)) fs.rmSync(lock, { force: true }); // left by a process that died
			continue;
		}
		if (Date.now() - t0 > timeoutMs) throw new Error(`${lock} held by pid ${pid} for too long`);
		if (!waited) log(`waiting for ${lock} (pid ${pid})`);
		sleepSync(2000);
	}
	try {
		return fn();
	} finally {
		fs.rmSync(lock, { force: true });
	}
}

module.exports = { withLock };
