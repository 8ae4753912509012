'use strict';
/*
 * The e2e cache: where it is, its markers, and running npm / binaries for it.
 *
 * Cache root: $N8N_E2E_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-dataoorts-e2e.
 * A marker (.e2e-complete.json, written last) holds only versions, never a path: every path is
 * derived from the cache folder at run time, so the cache outlives the clone that filled it and
 * can itself be moved.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const MARKER = '.e2e-complete.json';
const REPO = path.resolve(__dirname, '..', '..', '..');

function cacheRoot() {
	if (process.env.N8N_E2E_CACHE) return path.resolve(process.env.N8N_E2E_CACHE);
	const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(xdg, 'n8n-nodes-dataoorts-e2e');
}

function log(...args) {
	console.error('[e2e-cache]', ...args);
}

function readMarker(dir) {
	try {
		return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
	} catch {
		return null;
	}
}

function writeMarker(dir, data) {
	fs.writeFileSync(path.join(dir, MARKER), JSON.stringify(data, null, 2));
}

/** An empty npm project folder (a half-finished earlier attempt is removed first). */
function freshProject(dir, pkg) {
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({ private: true, ...pkg }, null, 2),
	);
}

const isInside = (p, dir) => {
	const rel = path.relative(dir, path.resolve(p));
	return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * The environment for npm and n8n. `npm run` exports the repository's npm config
 * (ignore-scripts=true from its .npmrc, the machine's nodedir, its own prefix) and puts the
 * clone's node_modules/.bin first on PATH: none of that may leak into the cache or into n8n.
 */
function cleanEnv(extra = {}) {
	const drop =
		/^(npm_(package|lifecycle)_.*|npm_config_(ignore_scripts|nodedir|local_prefix|user_agent)|npm_node_execpath|npm_execpath|npm_command|INIT_CWD|NODE)$/i;
	const env = {};
	for (const [k, v] of Object.entries(process.env)) if (!drop.test(k)) env[k] = v;
	env.PATH = (process.env.PATH || '')
		.split(path.delimiter)
		.filter((p) => p && !isInside(p, REPO) && !/node_modules[\\/]\.bin$/.test(p))
		.join(path.delimiter);
	Object.assign(env, {
		npm_config_audit: 'false',
		npm_config_fund: 'false',
		npm_config_update_notifier: 'false',
		...extra,
	});
	for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
	return env;
}

/** spawnSync with a log line, a timeout and a readable error. */
function run(cmd, args, opts = {}) {
	const t0 = Date.now();
	if (!opts.quiet) log('$', cmd, args.join(' '), opts.cwd ? `(in ${opts.cwd})` : '');
	const res = spawnSync(cmd, args, {
		stdio: opts.capture ? ['ignore', 'pipe', 'pipe'] : ['ignore', 2, 2],
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		timeout: opts.timeoutMs ?? 30 * 60 * 1000,
		env: cleanEnv(),
		shell: process.platform === 'win32' && cmd === 'npm',
		...opts,
	});
	const secs = ((Date.now() - t0) / 1000).toFixed(1);
	if (res.error) throw new Error(`${cmd} ${args.join(' ')} failed: ${res.error.message}`);
	if (res.status !== 0 && !opts.allowFail) {
		const tail = opts.capture ? `\n${(res.stderr || '').split('\n').slice(-30).join('\n')}` : '';
		throw new Error(`${cmd} ${args.join(' ')} exited ${res.status} after ${secs}s${tail}`);
	}
	if (!opts.quiet) log(`  done in ${secs}s (exit ${res.status})`);
	return res;
}

/** Runs `node -e code` (in cwd); true when it exits 0. Used to check that a cache entry still works. */
function nodeWorks(node, code, cwd) {
	if (!node || !fs.existsSync(node)) return false;
	const res = spawnSync(node, ['-e', code], {
		cwd,
		encoding: 'utf8',
		timeout: 60000,
		env: cleanEnv(),
	});
	return res.status === 0;
}

module.exports = {
	MARKER,
	REPO,
	cacheRoot,
	log,
	readMarker,
	writeMarker,
	freshProject,
	cleanEnv,
	run,
	nodeWorks,
};
