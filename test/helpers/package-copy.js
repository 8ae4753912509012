'use strict';
/*
 * The package as it is built and packed: its own files copied to a folder and built there with
 * `npm run build` (the repository's .npmrc turns lifecycle scripts off, so `npm pack` does not build).
 * Used by the package test and the e2e suite; the working tree's dist/ is neither used nor touched.
 */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const REPO = path.resolve(__dirname, '../..');

/** What a build and a pack read: never test/ or dist/. */
const PACKAGE_SOURCES = [
	'package.json',
	'.npmrc',
	'tsconfig.json',
	'gulpfile.js',
	'index.js',
	'README.md',
	'LICENSE',
	'nodes',
	'credentials',
];

/** Copies the package into `dest` (the repository's node_modules linked) and builds it there. */
function buildPackageCopy(dest) {
	for (const entry of PACKAGE_SOURCES) {
		if (fs.existsSync(path.join(REPO, entry)))
			fs.cpSync(path.join(REPO, entry), path.join(dest, entry), { recursive: true });
	}
	fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dest, 'node_modules'), 'junction');
	execFileSync('npm', ['run', 'build'], { cwd: dest, stdio: 'pipe', timeout: 600000 });
}

module.exports = { buildPackageCopy };
