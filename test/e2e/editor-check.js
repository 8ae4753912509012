'use strict';
/*
 * Editor check: against a running `n8n start`, set up the owner through the REST API,
 * open a workflow in headless Debian chromium (playwright-core), open the Dataoorts
 * node's panel and take a screenshot. Fails when the node is unknown to the editor
 * ("Install this node to use it") or its panel lacks the Model / Messages fields. Optionally opens
 * the Model picker (lib/model-picker.js) in the same page.
 *
 * Selectors (same in n8n 1.123 and 2.41):
 *   canvas node   [data-test-id="canvas-node"][data-node-type="<type>"]
 *   node panel    [data-test-id="ndv"]
 *   model field   [data-test-id="parameter-input-model"]
 *   messages      [data-test-id="fixed-collection-messages"]
 *   unknown node  [data-test-id="node-not-installed"], [data-test-id="install-community-node-button"]
 */
const { checkModelPicker } = require('./lib/model-picker');
const { checkPanelHints } = require('./lib/panel-hints');

const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

const NOT_INSTALLED =
	'[data-test-id="node-not-installed"], [data-test-id="install-community-node-button"]';

const OWNER = {
	email: 'owner@example.test',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2eOwnerPassw0rd!',
};

async function rest(url, method, body, cookie) {
	const res = await fetch(url, {
		method,
		headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
		body: body === undefined ? undefined : JSON.stringify(body),
		signal: AbortSignal.timeout(15000),
	});
	const text = await res.text();
	return { status: res.status, text, setCookie: res.headers.get('set-cookie') };
}

/** Owner setup + login; returns the n8n-auth cookie value. */
async function setupOwner(baseUrl) {
	const setup = await rest(`${baseUrl}/rest/owner/setup`, 'POST', OWNER);
	if (setup.status !== 200)
		throw new Error(`POST /rest/owner/setup -> ${setup.status}: ${setup.text.slice(0, 300)}`);
	// 1.x and 2.x both accept emailOrLdapLoginId
	const login = await rest(`${baseUrl}/rest/login`, 'POST', {
		emailOrLdapLoginId: OWNER.email,
		password: OWNER.password,
	});
	if (login.status !== 200)
		throw new Error(`POST /rest/login -> ${login.status}: ${login.text.slice(0, 300)}`);
	const m = /n8n-auth=([^;]+)/.exec(login.setCookie || setup.setCookie || '');
	if (!m) throw new Error('no n8n-auth cookie from /rest/login');
	return m[1];
}

async function launch(o, cookie) {
	const { chromium } = require(o.playwrightModule);
	const browser = await chromium.launch({
		executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: CHROMIUM_ARGS,
		timeout: 60000,
	});
	const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	await ctx.addCookies([
		{ name: 'n8n-auth', value: cookie, url: o.baseUrl, httpOnly: true, sameSite: 'Lax' },
	]);
	// The editor may try public hosts (banners, templates, telemetry): answer them locally.
	await ctx.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
	const page = await ctx.newPage();
	page.setDefaultTimeout(30000);
	const consoleErrors = [];
	page.on('console', (msg) => {
		if (msg.type() === 'error') consoleErrors.push(msg.text().slice(0, 300));
	});
	return { browser, page, consoleErrors };
}

/** The editor's own node type list: is the community node there? */
async function typesInEditor(page, nodeType) {
	return page.evaluate(async (type) => {
		const r = await fetch('/types/nodes.json');
		if (!r.ok) return `GET /types/nodes.json -> ${r.status}`;
		const list = await r.json();
		return list.filter((t) => t.name === type).map((t) => `${t.name}@${JSON.stringify(t.version)}`);
	}, nodeType);
}

/** Finds the node on the canvas, screenshots the canvas, opens the node panel; returns it. */
async function openNodePanel(page, o, details) {
	const node = page.locator(`[data-test-id="canvas-node"][data-node-type="${o.nodeType}"]`).first();
	await node.waitFor({ state: 'visible', timeout: 60000 });
	await page.waitForTimeout(1000); // canvas settles (fit view animation)
	details.canvasIconSrc = await node
		.locator('img')
		.first()
		.getAttribute('src', { timeout: 2000 })
		.catch(() => null);
	if (o.canvasScreenshot) await page.screenshot({ path: o.canvasScreenshot });
	await node.dblclick();
	const ndv = page.locator('[data-test-id="ndv"]').first();
	await ndv.waitFor({ state: 'visible', timeout: 30000 });
	// Either the parameters or the "not installed" notice shows up.
	await page
		.locator(`[data-test-id="ndv"] [data-test-id="parameter-input-model"], ${NOT_INSTALLED}`)
		.first()
		.waitFor({ state: 'visible', timeout: 30000 })
		.catch(() => {});
	await page.waitForTimeout(500);
	await page.screenshot({ path: o.screenshot });
	return ndv;
}

/** What the open panel shows: the Model and Messages fields, not the "not installed" notice. */
async function inspectPanel(page, ndv, problems, details) {
	const ndvText = (await ndv.innerText().catch(() => '')).replace(/\s+/g, ' ');
	details.ndvTextStart = ndvText.slice(0, 300);
	const notInstalled =
		(await page.locator(NOT_INSTALLED).count()) > 0 ||
		/install this node|not currently installed/i.test(ndvText);
	if (notInstalled)
		problems.push('editor shows the node as not installed ("Install this node to use it")');
	const model = await ndv.locator('[data-test-id="parameter-input-model"]').count();
	const messages = await ndv.locator('[data-test-id="fixed-collection-messages"]').count();
	details.fields = { model, messages };
	if (!model) problems.push('node panel has no Model field (parameter-input-model)');
	if (!messages) problems.push('node panel has no Messages field (fixed-collection-messages)');
	if (!/\bModel\b/.test(ndvText)) problems.push('node panel text lacks "Model"');
	if (!/\bMessages\b/.test(ndvText)) problems.push('node panel text lacks "Messages"');
	details.modelValue = await ndv
		.locator('[data-test-id="parameter-input-model"] input')
		.first()
		.inputValue({ timeout: 2000 })
		.catch(() => null);
}

/**
 * @param {object} o
 * @param {string} o.playwrightModule  path of playwright-core
 * @param {string} o.baseUrl           http://127.0.0.1:PORT
 * @param {string} [o.cookie]         n8n-auth cookie (else the owner is set up here)
 * @param {string} o.workflowId
 * @param {string} o.nodeType          e.g. n8n-nodes-dataoorts.dataoorts
 * @param {string} o.screenshot        PNG path for the open node panel
 * @param {string} [o.canvasScreenshot] PNG path for the canvas
 * @param {string} [o.pickerScreenshot] with it, the Model picker is opened too (lib/model-picker.js)
 * @returns {Promise<{ok: boolean, problems: string[], details: object, picker: object|null}>}
 *   picker: { problems, details }, null when not opened (no pickerScreenshot, or the panel failed)
 */
async function checkEditor(o) {
	const problems = [];
	const details = {};
	let picker = null;
	let hints = null;
	const cookie = o.cookie || (await setupOwner(o.baseUrl));
	const { browser, page, consoleErrors } = await launch(o, cookie);
	try {
		await page.goto(`${o.baseUrl}/workflow/${o.workflowId}`, {
			waitUntil: 'domcontentloaded',
			timeout: 60000,
		});
		details.typesInEditor = await typesInEditor(page, o.nodeType);
		if (!Array.isArray(details.typesInEditor) || details.typesInEditor.length === 0) {
			problems.push(
				`node type ${o.nodeType} missing from /types/nodes.json (${JSON.stringify(details.typesInEditor)})`,
			);
		}
		const ndv = await openNodePanel(page, o, details);
		await inspectPanel(page, ndv, problems, details);
		const failed = (e) => ({
			problems: [e.message.split('\n').slice(0, 4).join(' ')],
			details: {},
		});
		if (o.pickerScreenshot && !problems.length)
			picker = await checkModelPicker(page, o.pickerScreenshot).catch(failed);
		if (o.hintsScreenshot && !problems.length)
			hints = await checkPanelHints(page, o.hintsScreenshot).catch(failed);
	} finally {
		details.consoleErrors = consoleErrors.slice(0, 10);
		await browser.close().catch(() => {});
	}
	return { ok: problems.length === 0, problems, details, picker, hints };
}

module.exports = { checkEditor, setupOwner, launch, openNodePanel, CHROMIUM_ARGS, OWNER };
