#!/usr/bin/env node
'use strict';
/*
 * Installs a real n8n into the e2e cache, keyed by version, with the Node that runs it.
 *
 *   node test/e2e/install-n8n.js 2.41.1          # n8n 2.x, on Node 24.21.0 fetched into the cache
 *   node test/e2e/install-n8n.js 1.123.x         # newest 1.123 release that installs, on Node 20/22
 *   node test/e2e/install-n8n.js --json 2.41.1   # print the result as JSON only
 *   node test/e2e/install-n8n.js --playwright    # playwright-core for the editor check
 *
 *   <cache>/n8n-<version>-node<major>/   npm project with n8n, its native modules built for that
 *                                 Node major (marker .e2e-complete.json written last)
 *   <cache>/node-<plat>-<arch>-<version>/   a Node from npm (see lib/node-runtime.js)
 *   <cache>/playwright/           playwright-core (driver only; the browser is Debian's chromium)
 *
 * A complete entry is reused without the network when its n8n is there and its native modules load
 * on its Node; otherwise it is installed again. A "1.123.x" spec uses the newest cached match unless
 * N8N_E2E_REFRESH=1; else it asks the registry and tries the newest releases first.
 */
const fs = require('fs');
const path = require('path');
const c = require('./lib/cache');
const { withLock } = require('./lib/lock');
const { cmpVersions, matchesSpec, isRange, registryVersions } = require('./lib/versions');
const { nodeForN8n } = require('./lib/node-runtime');
const { entryName, entryInfo, nativeModules, brokenReason } = require('./lib/n8n-entry');
const { ensurePlaywright } = require('./lib/playwright');

const cacheRoot = c.cacheRoot;
const majorOf = (version) => Number(String(version).split('.')[0]);

function installVersion(info, rt) {
	const t0 = Date.now();
	c.freshProject(info.dir, {
		name: `n8n-e2e-${info.version}`,
		dependencies: { n8n: info.version },
		// n8n-nodes-base 1.x depends on xlsx from a CDN tarball that is unreachable here / in CI.
		overrides: majorOf(info.version) < 2 ? { xlsx: 'npm:@e965/xlsx@0.20.3' } : {},
	});
	const base = c.cleanEnv();
	const env = c.cleanEnv({
		PATH: `${path.dirname(rt.node)}${path.delimiter}${base.PATH}`,
		npm_config_nodedir: rt.nodedir,
	});
	const quiet = ['--no-audit', '--no-fund', '--loglevel=error', '--no-progress'];
	// Dependencies' install scripts download prebuilt binaries (unreachable): skip them all,
	// then build the native modules n8n really needs from source.
	try {
		c.run('npm', ['install', '--ignore-scripts', ...quiet], {
			cwd: info.dir,
			env,
			timeoutMs: 40 * 60 * 1000,
			capture: true,
		});
	} catch (e) {
		// e.g. ETARGET: a dependency version that was never published -> try an older release.
		e.resolveFailure = /ETARGET|ENOTARGET|E404|No matching version/.test(e.message);
		if (e.resolveFailure) fs.rmSync(info.dir, { recursive: true, force: true });
		throw e;
	}
	const args = ['rebuild', ...nativeModules(info.version), '--ignore-scripts=false', ...quiet];
	c.run('npm', args, { cwd: info.dir, env, timeoutMs: 30 * 60 * 1000 });
	const why = brokenReason(info);
	if (why) throw new Error(`n8n ${info.version} in ${info.dir}: ${why}`);
	const installSeconds = Math.round((Date.now() - t0) / 1000);
	c.writeMarker(info.dir, { version: info.version, builtWithNode: rt.version, installSeconds });
	return { ...info, cached: false, installSeconds };
}

/** A usable entry for one n8n version: reused, or (re)installed. */
function ensureVersion(root, version) {
	const rt = nodeForN8n(version, root);
	const info = entryInfo(root, version, rt);
	const state = () => (c.readMarker(info.dir) ? brokenReason(info) || 'ok' : 'not installed');
	if (state() === 'ok') return { ...info, cached: true };
	return withLock(info.dir, () => {
		const why = state();
		if (why === 'ok') return { ...info, cached: true }; // another suite installed it meanwhile
		const repaired = why === 'not installed' ? undefined : why;
		if (repaired) c.log(`n8n ${version} cache entry is broken (${why}): installing it again`);
		return { ...installVersion(info, rt), repaired };
	});
}

function newestCached(root, spec) {
	const suffix = entryName('', nodeForN8n(spec, root)).slice('n8n-'.length);
	return fs
		.readdirSync(root)
		.filter((d) => d.startsWith('n8n-') && d.endsWith(suffix))
		.map((d) => c.readMarker(path.join(root, d)))
		.filter((m) => m && m.version && matchesSpec(m.version, spec))
		.map((m) => m.version)
		.sort(cmpVersions)
		.pop();
}

/** Returns { version, dir, bin, node, nodeVersion, nodeSource, cached } for "2.41.1" or "1.123.x". */
function ensureN8n(spec, root = cacheRoot()) {
	fs.mkdirSync(root, { recursive: true });
	const cached = isRange(spec) && process.env.N8N_E2E_REFRESH !== '1' && newestCached(root, spec);
	if (cached) return ensureVersion(root, cached);
	const candidates = isRange(spec)
		? registryVersions('n8n', spec).filter((v) => matchesSpec(v, spec))
		: [spec];
	if (!candidates.length) throw new Error(`no n8n version matches ${spec}`);
	const errors = [];
	for (const v of candidates.slice(0, 4)) {
		try {
			return ensureVersion(root, v);
		} catch (e) {
			c.log(`n8n ${v} did not install: ${e.message.split('\n')[0]}`);
			errors.push(`${v}: ${e.message}`);
			if (!isRange(spec) || !e.resolveFailure) break;
		}
	}
	throw new Error(`could not install n8n ${spec}:\n${errors.join('\n')}`);
}

module.exports = {
	ensureN8n,
	ensurePlaywright,
	cacheRoot,
	cmpVersions,
	matchesSpec,
};

function cli(args) {
	const json = args.includes('--json');
	const specs = args.filter((a) => !a.startsWith('--'));
	if (args.includes('--playwright')) {
		const p = ensurePlaywright();
		if (!json) console.log(`playwright-core: ${p.module}`);
		if (!specs.length) return 0;
	}
	if (!specs.length) {
		console.error(
			'usage: node test/e2e/install-n8n.js [--json] [--playwright] <version|1.123.x> ...',
		);
		return 2;
	}
	const out = [];
	for (const s of specs) {
		const t0 = Date.now();
		const info = { ...ensureN8n(s), seconds: Math.round((Date.now() - t0) / 100) / 10 };
		out.push(info);
		if (!json)
			console.log(
				`n8n ${info.version} (${info.cached ? 'cached' : 'installed'} in ${info.seconds}s)\n  dir:  ${info.dir}\n  node: ${info.node} (${info.nodeVersion}, ${info.nodeSource})`,
			);
	}
	if (json) console.log(JSON.stringify(out, null, 2));
	return 0;
}

if (require.main === module) {
	try {
		process.exitCode = cli(process.argv.slice(2));
	} catch (e) {
		console.error(e.message);
		process.exitCode = 1;
	}
}
