'use strict';
/*
 * Runs the suite on one installed n8n version: installs the package the README's way, imports,
 * runs each table entry (checks/index.js) that applies, then starts n8n for the type list, the
 * credential tests and the editor (server-checks.js). Every line names the n8n version and the Node running it.
 */
const h = require('../n8n-harness');
const { CHECKS } = require('../checks');
const { check, assert, J } = require('./reporter');
const { appliesTo } = require('./versions');
const { serverChecks } = require('./server-checks');
const vc = require('./version-context');

async function runVersion(info, { opts, tarball, playwright }) {
	const scope = { n8n: info.version, node: info.nodeVersion };
	const ctx = await vc.openContext(info);
	try {
		const installed = await check(
			scope,
			'community package: `npm install <tarball> --omit=peer` in <user folder>/.n8n/nodes',
			() => installPackage(ctx, tarball),
		);
		if (!installed) return;
		if (!(await check(scope, 'credentials + workflows imported', () => importAll(ctx)))) return;
		for (const entry of CHECKS)
			if (!entry.server && appliesTo(entry.versions, info.version))
				await runWorkflowCheck(scope, entry, ctx);
		await serverChecks(scope, ctx, opts, playwright);
	} finally {
		await vc.closeContext(ctx, opts.keep);
	}
}

function installPackage(ctx, tarball) {
	const t = Date.now();
	const pkg = h.installCommunityPackage(ctx.userFolder, tarball);
	ctx.timings.communityInstall = Date.now() - t;
	const peers = pkg.peers.length ? `, peers not installed: ${pkg.peers.join(', ')}` : '';
	return `${pkg.name}@${pkg.version} in ${ctx.timings.communityInstall} ms${peers}`;
}

async function importAll(ctx) {
	await vc.importCredentials(ctx);
	const count = await vc.importWorkflows(ctx, CHECKS);
	const missing = CHECKS.map((c) => c.workflow).filter((f) => !ctx.workflows[f]);
	assert(!missing.length, `table entries name workflows that do not exist: ${missing.join(', ')}`);
	const unchecked = vc.examplesWithoutCheck(CHECKS);
	assert(!unchecked.length, `examples without a check in checks/: ${unchecked.join(', ')}`);
	const { importCredentials: c, importWorkflows: w } = ctx.timings;
	return `${count} workflows; credentials ${c} ms, workflows ${w} ms`;
}

/** One table entry: `n8n execute` its workflow, then its assertions. */
function runWorkflowCheck(scope, entry, ctx) {
	return check(scope, `${entry.id}: ${entry.title}`, async () => {
		if (entry.before) entry.before(ctx);
		try {
			const wf = ctx.workflows[entry.workflow];
			let before = ctx.api.requests.length;
			let r = await h.executeWorkflow(ctx.info, ctx.env, wf.id, { timeoutMs: 120000 });
			// n8n 2.41.1 on Node 24 now and then dies with SIGSEGV while exiting, whatever the
			// workflow (the smoke workflow without our node too): run it once more, and say so.
			const crashed = r.signal === 'SIGSEGV';
			if (crashed) {
				before = ctx.api.requests.length;
				r = await h.executeWorkflow(ctx.info, ctx.env, wf.id, { timeoutMs: 120000 });
			}
			ctx.timings[`execute ${entry.workflow}`] = r.ms;
			if ((entry.expect || 'success') === 'success') assertSucceeded(r);
			const requests = ctx.api.requests.slice(before);
			const note = entry.verify({ run: r.run, requests, result: r, ctx });
			const retried = crashed
				? ' (n8n crashed with SIGSEGV on exit the first time; run again)'
				: '';
			return `${r.ms} ms${note ? `, ${note}` : ''}${retried}`;
		} finally {
			if (entry.after) entry.after(ctx);
		}
	});
}

function assertSucceeded(r) {
	const detail = `\n--- stdout ---\n${r.stdout.slice(-3000)}\n--- stderr ---\n${r.stderr.slice(-2000)}`;
	assert(r.code === 0, `n8n execute exited ${r.code}${r.signal ? ` on ${r.signal}` : ''}${detail}`);
	assert(r.run, `${r.parseError && r.parseError.message}`);
	assert(
		r.run.status === 'success' || r.run.finished === true,
		`run status ${r.run.status}: ${J(r.run.data.resultData.error)}`,
	);
}

module.exports = { runVersion };
