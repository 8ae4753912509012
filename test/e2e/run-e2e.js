#!/usr/bin/env node
'use strict';
/*
 * End-to-end test against real n8n: installs the package tarball as a community package the way
 * the README says, runs the workflow checks of checks/ with `n8n execute`, and checks the editor
 * in headless chromium. See README.md in this folder.
 *
 *   node test/e2e/run-e2e.js [--tarball=PATH] [--versions=2.41.1,1.123.x] [--no-editor]
 *                            [--artifacts=DIR] [--keep] [--update-docs]
 *
 * Env (same meaning): E2E_TARBALL, E2E_N8N_VERSIONS, E2E_SKIP_EDITOR=1, E2E_ARTIFACTS_DIR,
 * E2E_KEEP=1, E2E_UPDATE_DOCS=1 (the newest version's editor screenshots into docs/),
 * E2E_TIMEOUT_MINUTES (whole run, default 60), N8N_E2E_CACHE (the cache).
 * Without a tarball it builds and packs this repository in a temporary folder.
 * Prints one line per check and a closing "e2e: N passed, N failed"; exits 1 on any failure.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ensureN8n, ensurePlaywright, cacheRoot } = require('./install-n8n');
const { nodeForN8n } = require('./lib/node-runtime');
const { killAll } = require('./n8n-harness');
const report = require('./lib/reporter');
const { buildAndPack } = require('./lib/pack');
const { runVersion } = require('./lib/version-run');
const { cmpVersions } = require('./lib/versions');

const DEFAULT_VERSIONS = '2.41.1,1.123.x';
// Steps that run in this process, on the Node running the suite.
const HERE = (what) => ({ what, node: process.version });

function parseArgs(argv) {
	const o = {
		tarball: process.env.E2E_TARBALL || '',
		versions: (process.env.E2E_N8N_VERSIONS || DEFAULT_VERSIONS).split(',').filter(Boolean),
		editor: process.env.E2E_SKIP_EDITOR !== '1',
		artifacts:
			process.env.E2E_ARTIFACTS_DIR || path.join(os.tmpdir(), 'n8n-nodes-dataoorts-e2e-artifacts'),
		keep: process.env.E2E_KEEP === '1',
		updateDocs: process.env.E2E_UPDATE_DOCS === '1',
	};
	for (const a of argv) {
		const [k, v] = a.split(/=(.*)/s);
		if (k === '--tarball') o.tarball = v;
		else if (k === '--versions') o.versions = v.split(',').filter(Boolean);
		else if (k === '--no-editor') o.editor = false;
		else if (k === '--artifacts') o.artifacts = v;
		else if (k === '--keep') o.keep = true;
		else if (k === '--update-docs') o.updateDocs = true;
		else throw new Error(`unknown argument ${a}`);
	}
	return o;
}

/** The Node of every version (fetched into the cache when needed), printed before anything runs. */
function planNodes(specs) {
	for (const spec of specs) {
		try {
			const rt = nodeForN8n(spec);
			console.log(`# n8n ${spec} runs on node ${rt.version} (${rt.source}: ${rt.node})`);
		} catch (e) {
			console.log(`# n8n ${spec}: no Node for it: ${e.message.split('\n')[0]}`);
		}
	}
}

/** n8n of every version in the cache; returns the installed ones. */
async function installAll(specs) {
	const installed = [];
	for (const spec of specs) {
		const t0 = Date.now();
		let info = null;
		const node = (() => {
			try {
				return nodeForN8n(spec).version;
			} catch {
				return undefined;
			}
		})();
		await report.check({ n8n: spec, node }, 'n8n installed in the cache', () => {
			info = ensureN8n(spec);
			const how = info.cached
				? 'cached'
				: info.repaired
					? `repaired (${info.repaired})`
					: 'installed';
			return `n8n ${info.version} on node ${info.nodeVersion} (${info.nodeSource}), ${how} in ${((Date.now() - t0) / 1000).toFixed(1)} s, ${info.dir}`;
		});
		if (info) installed.push(info);
	}
	return installed;
}

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	const started = Date.now();
	const limitMin = Number(process.env.E2E_TIMEOUT_MINUTES || 60);
	const watchdog = setTimeout(() => {
		report.record(HERE('watchdog'), `whole e2e run within ${limitMin} minutes`, false);
		killAll();
		process.exit(report.summary());
	}, limitMin * 60000);
	watchdog.unref();
	fs.mkdirSync(opts.artifacts, { recursive: true });
	console.log(
		`# cache: ${cacheRoot()}; artifacts: ${opts.artifacts}; versions: ${opts.versions.join(', ')}`,
	);
	planNodes(opts.versions);
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dataoorts-e2e-pack-'));
	try {
		let tarball = opts.tarball && path.resolve(opts.tarball);
		if (!tarball)
			await report.check(HERE('pack'), 'npm run build + npm pack of the repository', () => {
				tarball = buildAndPack(scratch);
				return tarball;
			});
		if (!tarball) return finish(started);
		const playwright = opts.editor ? await editorSetup() : null;
		if (!playwright) opts.editor = false;
		const installed = await installAll(opts.versions);
		// E2E_UPDATE_DOCS=1: the newest version's editor screenshots are the README's pictures.
		opts.docsVersion = installed
			.map((i) => i.version)
			.sort(cmpVersions)
			.pop();
		for (const info of installed) await runVersion(info, { opts, tarball, playwright });
	} finally {
		fs.rmSync(scratch, { recursive: true, force: true });
	}
	finish(started);
}

async function editorSetup() {
	let playwright = null;
	await report.check(HERE('editor'), 'playwright-core in the cache and chromium present', () => {
		const chromium = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
		report.assert(fs.existsSync(chromium), `${chromium} missing: apt-get install -y chromium`);
		playwright = ensurePlaywright();
		return `${playwright.module}, ${chromium}`;
	});
	return playwright;
}

function finish(started) {
	console.log(`# e2e took ${((Date.now() - started) / 1000).toFixed(1)} s`);
	process.exitCode = report.summary();
}

for (const sig of ['SIGINT', 'SIGTERM']) {
	process.on(sig, () => {
		killAll();
		process.exit(130);
	});
}

if (require.main === module)
	main().catch((e) => {
		console.error(e);
		process.exit(report.summary(1));
	});
