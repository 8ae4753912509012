'use strict';
/*
 * Check results. One line per check, naming the n8n version and the Node that ran it:
 *   ok     [n8n 2.41.1 · node v24.21.0] 01-seed-request: seed request (…) # 2345 ms, …
 *   not ok [n8n 1.123.81 · node v20.20.2] editor: … # why
 * Steps outside n8n name what ran instead: [pack · node v20.20.2].
 * The last line is the summary `.ci/run` reads: "e2e: N passed, N failed".
 */
const results = [];

/** Where a check runs: { n8n: '2.41.1', node: 'v24.21.0' } or { what: 'pack', node: process.version }. */
const label = (scope) =>
	`[${scope.n8n ? `n8n ${scope.n8n}` : scope.what} · node ${scope.node || '?'}]`;

function record(scope, name, ok, info = '') {
	results.push({ scope, name, ok });
	const text = String(info).split('\n').slice(0, 12).join('\n#   ');
	console.log(`${ok ? 'ok    ' : 'not ok'} ${label(scope)} ${name}${text ? ` # ${text}` : ''}`);
	return ok;
}

/** Runs fn (sync or async); a returned string is the line's note, a throw fails the check. */
async function check(scope, name, fn) {
	try {
		const info = await fn();
		return record(scope, name, true, typeof info === 'string' ? info : '');
	} catch (e) {
		return record(scope, name, false, e.message);
	}
}

function assert(cond, msg) {
	if (!cond) throw new Error(msg);
}

const J = (x) => JSON.stringify(x);

function counts(extraFailed = 0) {
	const passed = results.filter((r) => r.ok).length;
	return { passed, failed: results.length - passed + extraFailed, total: results.length };
}

/** Prints the summary line; returns the exit code. */
function summary(extraFailed = 0) {
	const { passed, failed, total } = counts(extraFailed);
	console.log(`e2e: ${passed} passed, ${failed} failed`);
	return failed || total === 0 ? 1 : 0;
}

module.exports = { record, check, assert, J, label, counts, summary };
