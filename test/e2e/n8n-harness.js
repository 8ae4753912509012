'use strict';
/*
 * Helpers to drive a real n8n install from the e2e tests (plain Node, no deps): its environment,
 * the community package install, imports, `n8n execute` and reading its output.
 * See install-n8n.js for how n8n gets into the cache and lib/n8n-process.js for the processes.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { cleanEnv } = require('./lib/cache');
const { runN8n, startN8n, killTree, killAll, sleep } = require('./lib/n8n-process');

const ENCRYPTION_KEY = 'n8n-nodes-dataoorts-e2e-encryption-key';

/** A fresh, empty N8N_USER_FOLDER (n8n keeps its data in <folder>/.n8n). */
function makeUserFolder(label = 'n8n') {
	return fs.mkdtempSync(path.join(os.tmpdir(), `dataoorts-e2e-${label.replace(/[^\w.-]/g, '_')}-`));
}

/** Environment for every n8n command of one run. */
function n8nEnv(info, userFolder, extra = {}) {
	const major = Number(info.version.split('.')[0]);
	const base = cleanEnv();
	const env = {
		...base,
		PATH: `${path.dirname(info.node)}${path.delimiter}${base.PATH}`,
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
function npmIn(dir, args, timeoutMs) {
	const res = spawnSync('npm', args, {
		cwd: dir,
		encoding: 'utf8',
		timeout: timeoutMs,
		env: cleanEnv(),
	});
	if (res.status !== 0)
		throw new Error(
			`npm ${args.join(' ')} in ${dir} failed (${res.status}): ${res.stderr || res.error}`,
		);
	return res;
}

/**
 * Installs the tarball the way the README tells users to:
 *   cd <user folder>/.n8n/nodes   (created with `npm init -y` when missing)
 *   npm install <tarball> --omit=peer
 * The peer dependencies (n8n-workflow, @n8n/ai-node-sdk) are n8n's own and must not be installed:
 * n8n resolves them from its own node_modules.
 */
function installCommunityPackage(userFolder, tarball, { timeoutMs = 300000 } = {}) {
	const pkg = tarballPackageJson(tarball);
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	if (!fs.existsSync(path.join(nodesDir, 'package.json')))
		npmIn(nodesDir, ['init', '-y'], timeoutMs);
	npmIn(nodesDir, ['install', path.resolve(tarball), '--omit=peer'], timeoutMs);
	const installedDir = path.join(nodesDir, 'node_modules', pkg.name);
	if (!fs.existsSync(path.join(installedDir, 'package.json')))
		throw new Error(`${pkg.name} missing in ${nodesDir}/node_modules`);
	const peers = Object.keys(pkg.peerDependencies || {});
	const installedPeers = peers.filter((p) => fs.existsSync(path.join(nodesDir, 'node_modules', p)));
	if (installedPeers.length)
		throw new Error(
			`peer dependencies installed despite --omit=peer: ${installedPeers.join(', ')}`,
		);
	return { name: pkg.name, version: pkg.version, nodesDir, installedDir, n8n: pkg.n8n, peers };
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
