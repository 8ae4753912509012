'use strict';
/*
 * Helpers to drive a real n8n install from the e2e tests (plain Node, no deps).
 * See install-n8n.js for how n8n gets into the cache.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const ENCRYPTION_KEY = 'n8n-nodes-dataoorts-e2e-encryption-key';

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

/** A fresh, empty N8N_USER_FOLDER (n8n keeps its data in <folder>/.n8n). */
function makeUserFolder(label = 'n8n') {
	return fs.mkdtempSync(path.join(os.tmpdir(), `dataoorts-e2e-${label.replace(/[^\w.-]/g, '_')}-`));
}

/** Environment for every n8n command of one run. */
function n8nEnv(info, userFolder, extra = {}) {
	const major = Number(info.version.split('.')[0]);
	const env = {
		...process.env,
		PATH: `${path.dirname(info.node)}${path.delimiter}${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		DB_TYPE: 'sqlite',
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		// `execute --rawOutput` prints its JSON through the logger at info level: warn/error hide it.
		N8N_LOG_LEVEL: 'info',
		// no network access to the public registry / CDNs from the instance
		N8N_HIRING_BANNER_ENABLED: 'false',
		...extra,
	};
	if (major < 2) env.N8N_EXPRESSION_ENGINE = env.N8N_EXPRESSION_ENGINE || 'legacy';
	for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
	return env;
}

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
 * `n8n execute --rawOutput` prints log lines (task broker, license SDK, warnings) before
 * the pretty-printed JSON of the run. Find a line that starts a JSON object at column 0
 * and the matching closing line, and parse that block.
 */
function parseRawOutput(stdout) {
	const lines = stdout.split(/\r?\n/);
	for (let i = 0; i < lines.length; i++) {
		if (lines[i] !== '{') continue;
		for (let j = lines.length - 1; j > i; j--) {
			if (lines[j] !== '}') continue;
			try {
				return JSON.parse(lines.slice(i, j + 1).join('\n'));
			} catch {
				/* try a shorter block */
			}
		}
	}
	throw new Error(`no run JSON in n8n output:\n${stdout.slice(0, 4000)}`);
}

/** Output items (json only) of `node` (first run) at output index `output`. */
function nodeOutput(run, node, output = 0) {
	const runData = run.data.resultData.runData;
	if (!runData[node]) return undefined;
	const main = (runData[node][0].data || {}).main || [];
	return (main[output] || []).map((it) => it.json);
}

function nodeError(run, node) {
	const runData = run.data.resultData.runData;
	return runData[node] && runData[node][0].error;
}

/** Name from the tarball's package/package.json (no deps: uses `tar`). */
function tarballPackageJson(tarball) {
	const res = spawnSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' });
	if (res.status !== 0) throw new Error(`cannot read package.json from ${tarball}: ${res.stderr}`);
	return JSON.parse(res.stdout);
}

/**
 * Installs the tarball as a community package the way n8n's Community Nodes screen
 * leaves it: <userFolder>/.n8n/nodes/package.json lists the dependency and
 * node_modules/<name> holds it with its production dependencies. Peer dependencies
 * (n8n-workflow) are not installed: n8n resolves them from its own node_modules.
 */
function installCommunityPackage(userFolder, tarball, { timeoutMs = 300000 } = {}) {
	const pkg = tarballPackageJson(tarball);
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const manifest = {
		name: 'installed-nodes',
		private: true,
		dependencies: { [pkg.name]: `file:${path.resolve(tarball)}` },
	};
	fs.writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify(manifest, null, 2));
	const res = spawnSync(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--ignore-scripts=true',
			'--package-lock=false',
			'--legacy-peer-deps',
			'--omit=dev',
			'--no-progress',
			'--loglevel=error',
		],
		{ cwd: nodesDir, encoding: 'utf8', timeout: timeoutMs },
	);
	if (res.status !== 0)
		throw new Error(`npm install of ${tarball} failed (${res.status}): ${res.stderr || res.error}`);
	const installedDir = path.join(nodesDir, 'node_modules', pkg.name);
	if (!fs.existsSync(path.join(installedDir, 'package.json')))
		throw new Error(`${pkg.name} missing in ${nodesDir}/node_modules`);
	return { name: pkg.name, version: pkg.version, nodesDir, installedDir, n8n: pkg.n8n };
}

async function importCredentials(info, env, credentials, dir) {
	const file = path.join(dir, 'credentials.json');
	fs.writeFileSync(file, JSON.stringify(credentials, null, 2));
	const res = await runN8n(info, ['import:credentials', `--input=${file}`], env);
	fs.rmSync(file, { force: true }); // plain secrets
	if (res.code !== 0)
		throw new Error(`import:credentials failed (${res.code}):\n${res.stdout}\n${res.stderr}`);
	return res;
}

/** Imports a workflow fixture after replacing __PLACEHOLDERS__; returns the workflow object. */
async function importWorkflow(info, env, fixtureFile, replacements, dir) {
	let text = fs.readFileSync(fixtureFile, 'utf8');
	for (const [k, v] of Object.entries(replacements || {})) text = text.split(k).join(String(v));
	const wf = JSON.parse(text);
	const file = path.join(dir, path.basename(fixtureFile));
	fs.writeFileSync(file, JSON.stringify(wf, null, 2));
	const res = await runN8n(info, ['import:workflow', `--input=${file}`], env);
	if (res.code !== 0) {
		throw new Error(
			`import:workflow ${fixtureFile} failed (${res.code}):\n${res.stdout}\n${res.stderr}`,
		);
	}
	return { wf, ms: res.ms };
}

async function executeWorkflow(info, env, id, { timeoutMs = 120000 } = {}) {
	const res = await runN8n(info, ['execute', `--id=${id}`, '--rawOutput'], env, { timeoutMs });
	let run = null;
	let parseError = null;
	try {
		run = parseRawOutput(res.stdout);
	} catch (e) {
		parseError = e;
	}
	return { ...res, run, parseError };
}

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

module.exports = {
	ENCRYPTION_KEY,
	makeUserFolder,
	n8nEnv,
	runN8n,
	parseRawOutput,
	nodeOutput,
	nodeError,
	tarballPackageJson,
	installCommunityPackage,
	importCredentials,
	importWorkflow,
	executeWorkflow,
	startN8n,
	killTree,
	killAll,
	sleep,
};
