'use strict';
/*
 * The checks against `n8n start` on one version: the node and credential types n8n lists, the
 * credential's Test through n8n's REST path (credential-test-run.js), the table entries that run
 * against a started n8n (server-entries.js: streaming), then the editor in chromium:
 * the Dataoorts panel and its Model picker (editor-check.js, model-picker.js).
 *
 * Screenshots go to the artifacts folder (editor-, model-picker-, canvas-<version>.png); with
 * E2E_UPDATE_DOCS=1 the panel and the picker of the newest version run go to docs/ instead
 * (editor-n8n-<version>.png, model-picker-n8n-<version>.png, the README's pictures).
 */
const path = require('path');
const h = require('../n8n-harness');
const { checkEditor, setupOwner } = require('../editor-check');
const { checkConnectedNotice } = require('./panel-hints');
const { runCredentialTests } = require('./credential-test-run');
const { publishServerEntries, runServerEntries } = require('./server-entries');
const { check, record, assert, J } = require('./reporter');
const { NODE_TYPES, CREDENTIAL_TYPES } = require('./constants');
const { freePort } = require('./version-context');

const DOCS_DIR = path.resolve(__dirname, '..', '..', '..', 'docs');
const NAMES = {
	types: 'n8n lists both nodes and the credential (GET /types/*.json)',
	creds: 'credential tests through POST /rest/credentials/test',
	editor: 'editor shows the Dataoorts node panel (Model, Messages)',
	picker: 'editor: Model From List lists the catalog with context and prices',
	hints: 'editor: a picker search for "flux" points to By ID; Content says how to map',
	notice: "editor: the connected Dataoorts Chat Model's panel hides the connect notice",
};

async function serverChecks(scope, ctx, opts, playwright) {
	let srv;
	let cookie;
	let startError = null;
	const unpublished = await publishServerEntries(ctx);
	try {
		srv = await h.startN8n(ctx.info, ctx.env, { port: await freePort(), timeoutMs: 120000 });
		ctx.timings.start = srv.startMs;
		cookie = await setupOwner(srv.url);
	} catch (e) {
		startError = `${e.message}${srv ? `\n${srv.output().slice(-2000)}` : ''}`;
	}
	try {
		if (startError) {
			const names = [
				NAMES.types,
				NAMES.creds,
				...(opts.editor ? [NAMES.editor, NAMES.picker, NAMES.hints, NAMES.notice] : []),
			];
			for (const name of names) record(scope, name, false, startError);
			await runServerEntries(scope, ctx, srv, unpublished, startError);
			return;
		}
		await check(scope, NAMES.types, () => checkTypes(srv.url, cookie));
		const t = Date.now();
		await runCredentialTests(scope, srv, cookie);
		ctx.timings.credentialTests = Date.now() - t;
		await runServerEntries(scope, ctx, srv, unpublished);
		if (opts.editor) await editorChecks(scope, ctx, srv, cookie, opts, playwright);
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

/** Where this version's screenshots go. */
function shotPaths(version, opts) {
	const docs = opts.updateDocs && version === opts.docsVersion;
	return {
		panel: docs
			? path.join(DOCS_DIR, `editor-n8n-${version}.png`)
			: path.join(opts.artifacts, `editor-${version}.png`),
		picker: docs
			? path.join(DOCS_DIR, `model-picker-n8n-${version}.png`)
			: path.join(opts.artifacts, `model-picker-${version}.png`),
		canvas: path.join(opts.artifacts, `canvas-${version}.png`),
	};
}

/** One editor session: the panel line, then the picker line from the same page. */
async function editorChecks(scope, ctx, srv, cookie, opts, playwright) {
	const shots = shotPaths(ctx.info.version, opts);
	let res = null;
	await check(scope, NAMES.editor, async () => {
		const t = Date.now();
		res = await checkEditor({
			playwrightModule: playwright.module,
			baseUrl: srv.url,
			cookie,
			workflowId: ctx.workflows['01-seed-request.json'].id,
			nodeType: NODE_TYPES[0],
			screenshot: shots.panel,
			canvasScreenshot: shots.canvas,
			pickerScreenshot: shots.picker,
			hintsScreenshot: path.join(opts.artifacts, `hints-${ctx.info.version}.png`),
		});
		ctx.timings.editor = Date.now() - t;
		assert(res.ok, `${res.problems.join('; ')} (screenshot ${shots.panel}) ${J(res.details)}`);
		return `${shots.panel}, icon ${res.details.canvasIconSrc}`;
	});
	await check(scope, NAMES.picker, () => {
		const picker = res && res.picker;
		assert(picker, 'the picker was not opened: the panel check failed');
		const where = `(screenshot ${shots.picker}) ${J(picker.details)}`;
		assert(!picker.problems.length, `${picker.problems.join('; ')} ${where}`);
		return `${picker.details.entries} entries, ${shots.picker}`;
	});
	await check(scope, NAMES.hints, () => {
		const hints = res && res.hints;
		assert(hints, 'the hints were not checked: the panel check failed');
		assert(!hints.problems.length, `${hints.problems.join('; ')} ${J(hints.details)}`);
		return J(hints.details);
	});
	await check(scope, NAMES.notice, async () => {
		const notice = await checkConnectedNotice({
			playwrightModule: playwright.module,
			baseUrl: srv.url,
			cookie,
			workflowId: ctx.workflows['05-basic-llm-chain.json'].id,
			nodeType: NODE_TYPES[1],
			screenshot: path.join(opts.artifacts, `chat-model-${ctx.info.version}.png`),
		});
		assert(!notice.problems.length, `${notice.problems.join('; ')} ${J(notice.details)}`);
		return `${notice.details.notices} notice, hidden`;
	});
}

module.exports = { serverChecks };
