'use strict';
/* Version strings: order, "1.123.x" ranges, and what the npm registry has. */
const { run } = require('./cache');

const isRange = (spec) => /[xX*]/.test(spec);

function matchesSpec(version, spec) {
	if (!isRange(spec)) return version === spec;
	if (version.includes('-')) return false; // no prereleases for ranges
	const v = version.split('.');
	return spec.split('.').every((p, i) => /^[xX*]$/.test(p) || p === v[i]);
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

/** Published versions of an npm package matching a range, newest first. */
function registryVersions(pkg, range) {
	const res = run('npm', ['view', `${pkg}@${range}`, 'version', '--json'], { capture: true });
	let list = JSON.parse(res.stdout || '[]');
	if (!Array.isArray(list)) list = [list];
	return list.sort(cmpVersions).reverse();
}

/** Whether a table entry's `versions` ('all', '>=2.16.0', '<2.16.0') includes an n8n version. */
function appliesTo(versions, version) {
	if (versions === 'all') return true;
	const m = /^(>=|<)(\d+(?:\.\d+)*)$/.exec(versions);
	if (!m) throw new Error(`unknown versions ${JSON.stringify(versions)}`);
	const cmp = cmpVersions(version, m[2]);
	return m[1] === '>=' ? cmp >= 0 : cmp < 0;
}

module.exports = { cmpVersions, matchesSpec, isRange, registryVersions, appliesTo };
