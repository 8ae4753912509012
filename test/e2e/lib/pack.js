'use strict';
/*
 * The tarball under test: the package's own files copied to a temporary folder, built there with
 * `npm run build` (the repository's .npmrc turns lifecycle scripts off, so `npm pack` does not build)
 * and packed. The working tree's dist/ is neither used nor touched.
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { buildPackageCopy } = require('../../helpers/package-copy');

function npm(args, cwd) {
	const res = spawnSync('npm', args, { cwd, encoding: 'utf8', timeout: 600000 });
	if (res.status !== 0)
		throw new Error(`npm ${args.join(' ')} failed (${res.status}): ${res.stderr || res.error}`);
	return res.stdout;
}

/** Builds and packs into `scratch`; returns the tarball's path. */
function buildAndPack(scratch) {
	const src = path.join(scratch, 'package');
	fs.mkdirSync(src, { recursive: true });
	buildPackageCopy(src);
	const out = npm(['pack', '--pack-destination', scratch, '--loglevel=error'], src);
	return path.join(scratch, out.trim().split('\n').pop());
}

module.exports = { buildAndPack };
