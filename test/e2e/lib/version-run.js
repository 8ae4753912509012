'use strict';
/*
 * Runs the suite on one installed n8n version: installs the package the README's way, imports,
 * runs each table entry (checks/index.js) that applies, then starts n8n for the type list and the
 * editor. Every line names the n8n version and the Node running it.
 */
const path = require('path');
const h = require('../n8n-harness');
const { CHECKS } = require('../checks');
const { checkEditor, setupOwner } = require('../editor-check');
const { check, record, assert, J } = require('./reporter');
const { appliesTo } = require('./versions');
const { NODE_TYPES, CREDENTIAL_TYPES } = require('./constants');
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
			if (appliesTo(entry.versions, info.version)) await runWorkflowCheck(scope, entry, ctx);
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
	const count = await vc.importWorkflows(ctx);
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
			const before = ctx.api.requests.length;
			const wf = ctx.workflows[entry.workflow];
			const r = await h.executeWorkflow(ctx.info, ctx.env, wf.id, { timeoutMs: 120000 });
			ctx.timings[`execute ${entry.workflow}`] = r.ms;
			if ((entry.expect || 'success') === 'success') assertSucceeded(r);
			const requests = ctx.api.requests.slice(before);
			const note = entry.verify({ run: r.run, requests, result: r, ctx });
			return `${r.ms} ms${note ? `, ${note}` : ''}`;
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

/** `n8n start`: the node and credential types it lists, then the editor in chromium. */
async function serverChecks(scope, ctx, opts, playwright) {
	const typesName = 'n8n lists both nodes and the credential (GET /types/*.json)';
	const editorName = 'editor shows the Dataoorts node panel (Model, Messages)';
	let srv;
	let cookie;
	let startError = null;
	try {
		srv = await h.startN8n(ctx.info, ctx.env, { port: await vc.freePort(), timeoutMs: 120000 });
		ctx.timings.start = srv.startMs;
		cookie = await setupOwner(srv.url);
	} catch (e) {
		startError = `${e.message}${srv ? `\n${srv.output().slice(-2000)}` : ''}`;
	}
	try {
		if (startError) {
			record(scope, typesName, false, startError);
			if (opts.editor) record(scope, editorName, false, startError);
			return;
		}
		await check(scope, typesName, () => checkTypes(srv.url, cookie));
		if (opts.editor)
			await check(scope, editorName, () => editorCheck(ctx, srv, cookie, opts, playwright));
	} finally {
		if (srv) await srv.stop();
	}
}

async function checkTypes(url, cookie) {
	const get = async (p) => {
		const r = await fetch(`${url}${p}`, {
			headers: { cookie: `n8n-auth=${cookie}` },
			signal: AbortSignal.timeout(30000),
		});
		assert(r.ok, `GET ${p} -> ${r.status}`);
		return (await r.json()).map((t) => t.name);
	};
	const nodes = await get('/types/nodes.json');
	const credentials = await get('/types/credentials.json');
	const missing = [
		...NODE_TYPES.filter((n) => !nodes.includes(n)),
		...CREDENTIAL_TYPES.filter((c) => !credentials.includes(c)),
	];
	assert(!missing.length, `not loaded by n8n: ${missing.join(', ')}`);
	return `${NODE_TYPES.join(', ')}; credential ${CREDENTIAL_TYPES.join(', ')}`;
}

async function editorCheck(ctx, srv, cookie, opts, playwright) {
	const t = Date.now();
	const shot = path.join(opts.artifacts, `editor-${ctx.info.version}.png`);
	const res = await checkEditor({
		playwrightModule: playwright.module,
		baseUrl: srv.url,
		cookie,
		workflowId: ctx.workflows['01-seed-request.json'].id,
		nodeType: NODE_TYPES[0],
		screenshot: shot,
		canvasScreenshot: path.join(opts.artifacts, `canvas-${ctx.info.version}.png`),
	});
	ctx.timings.editor = Date.now() - t;
	assert(res.ok, `${res.problems.join('; ')} (screenshot ${shot}) ${J(res.details)}`);
	return `${shot}, icon ${res.details.canvasIconSrc}`;
}

module.exports = { runVersion };
