'use strict';
/* playwright-core for the editor check, in <cache>/playwright (its path derived each run). */
const fs = require('fs');
const path = require('path');
const c = require('./cache');
const { withLock } = require('./lock');

const PLAYWRIGHT_SPEC = 'playwright-core@1.65.1';

/** playwright-core (driver only; the browser is Debian's /usr/bin/chromium) in <cache>/playwright. */
function ensurePlaywright(root = c.cacheRoot()) {
	const dir = path.join(root, 'playwright');
	const module = path.join(dir, 'node_modules', 'playwright-core');
	const m = c.readMarker(dir);
	if (m && m.spec === PLAYWRIGHT_SPEC && fs.existsSync(path.join(module, 'package.json')))
		return { spec: PLAYWRIGHT_SPEC, module };
	return withLock(dir, () => {
		c.freshProject(dir, { name: 'e2e-playwright' });
		const args = ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
		c.run('npm', [...args, PLAYWRIGHT_SPEC], { cwd: dir });
		c.writeMarker(dir, { spec: PLAYWRIGHT_SPEC });
		return { spec: PLAYWRIGHT_SPEC, module };
	});
}

module.exports = { ensurePlaywright, PLAYWRIGHT_SPEC };
