'use strict';
/*
 * One n8n cache entry: its paths, derived from the cache folder and the Node that runs it (nothing
 * recorded), and whether it still works.
 */
const fs = require('fs');
const path = require('path');
const { nodeWorks } = require('./cache');

const majorOf = (version) => Number(String(version).replace(/^v/, '').split('.')[0]);

// 2.x needs isolated-vm (expression engine); 1.x's does not build on Node 20 and is not used.
const nativeModules = (version) =>
	majorOf(version) >= 2 ? ['sqlite3', 'isolated-vm'] : ['sqlite3'];

// Keyed by the Node major too: native modules built for one Node ABI do not load on another.
const entryName = (version, rt) => `n8n-${version}-node${majorOf(rt.version)}`;

/** Paths of an n8n cache entry, derived from the cache folder, and the Node that runs it. */
function entryInfo(root, version, rt) {
	const dir = path.join(root, entryName(version, rt));
	const nodeModules = path.join(dir, 'node_modules');
	const bin = path.join(nodeModules, 'n8n', 'bin', 'n8n');
	return {
		version,
		dir,
		bin,
		nodeModules,
		node: rt.node,
		nodeVersion: rt.version,
		nodeSource: rt.source,
	};
}

/** Why an entry cannot be used as it is, or null when it can. */
function brokenReason(info) {
	let installed;
	try {
		installed = JSON.parse(
			fs.readFileSync(path.join(info.nodeModules, 'n8n', 'package.json'), 'utf8'),
		);
	} catch {
		return 'n8n is not installed';
	}
	if (installed.version !== info.version) return `n8n ${installed.version} installed`;
	if (!fs.existsSync(info.bin)) return `${info.bin} missing`;
	const mods = nativeModules(info.version);
	if (!nodeWorks(info.node, mods.map((m) => `require(${JSON.stringify(m)})`).join(';'), info.dir))
		return `${mods.join(' or ')} does not load on Node ${info.nodeVersion}`;
	return null;
}

module.exports = { entryName, entryInfo, nativeModules, brokenReason };
