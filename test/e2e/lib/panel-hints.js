'use strict';
/*
 * Editor: what a first-time user reads in the panels (issue 18, point 8). In the Dataoorts panel, a
 * picker search that finds nothing lists a pointer to By ID, and message Content says how to map a
 * field. In the Basic LLM Chain example, the Dataoorts Chat
 * Model is connected: its "Connect this node …" notice is in the panel but hidden, as n8n hides its own
 * sub-nodes' notices (class ndv-connection-hint-notice).
 */

const NOTICE = '[data-test-id="ndv"] .ndv-connection-hint-notice';

const MODEL = '[data-test-id="ndv"] [data-test-id="parameter-input-model"]';

const visibleCount = (page, text) => page.getByText(text).filter({ visible: true }).count();

/**
 * With the Dataoorts panel open: a From List search for "flux" lists only the pointer to By ID;
 * the Content fields say how to map a field. Screenshots both.
 * @returns {Promise<{problems: string[], details: object}>}
 */
async function checkPanelHints(page, screenshot) {
	const problems = [];
	const details = {};
	await page.locator(MODEL).first().locator('[data-test-id="rlc-input"]').first().click();
	const search = page.locator('[data-test-id="rlc-search"]').filter({ visible: true }).first();
	await search.waitFor();
	// The search box is the element itself or holds it (n8n 2.41 focuses it on opening, 1.123 not).
	const isInput = await search.evaluate((el) => el.tagName === 'INPUT');
	await (isInput ? search : search.locator('input').first()).fill('flux');
	await page.waitForTimeout(1500); // the search is debounced, then n8n asks searchModels
	const items = page.locator('[data-test-id="rlc-item"]').filter({ visible: true });
	details.fluxEntries = await items.evaluateAll((els) => els.map((el) => el.textContent.trim()));
	await page.screenshot({ path: screenshot.replace(/\.png$/, '-flux.png') });
	await page.keyboard.press('Escape').catch(() => {});
	// One entry, the pointer: the field's own hint is under n8n's "No results" popover.
	const [entry, ...more] = details.fluxEntries;
	if (more.length || !/No catalog model matches "flux": use By ID/.test(entry || ''))
		problems.push('a search that finds nothing lists no pointer to By ID');
	// Under each Content field not being edited (a focused one shows n8n's own mapping tip instead).
	details.mappingHints = await visibleCount(page, 'switch to Expression');
	await page.screenshot({ path: screenshot.replace(/\.png$/, '-content.png') });
	if (!details.mappingHints) problems.push('no Content field shows the hint on mapping');
	return { problems, details };
}

/**
 * Opens the connected Dataoorts Chat Model of `workflowId`; the connect notice must be hidden.
 * @returns {Promise<{problems: string[], details: object}>}
 */
async function checkConnectedNotice(o) {
	const problems = [];
	const details = {};
	// Required here: editor-check requires this module.
	const { launch, openNodePanel } = require('../editor-check');
	const { browser, page } = await launch(o, o.cookie);
	try {
		await page.goto(`${o.baseUrl}/workflow/${o.workflowId}`, {
			waitUntil: 'domcontentloaded',
			timeout: 60000,
		});
		const ndv = await openNodePanel(page, { ...o, canvasScreenshot: undefined }, details);
		details.notices = await page.locator(NOTICE).count();
		details.noticeVisible = details.notices > 0 && (await page.locator(NOTICE).first().isVisible());
		const text = (await ndv.innerText().catch(() => '')).replace(/\s+/g, ' ');
		if (details.notices === 0) problems.push("no connect notice with n8n's class in the panel");
		if (details.noticeVisible || /Connect this node/.test(text))
			problems.push('the connect notice shows although the node is connected');
	} finally {
		await browser.close().catch(() => {});
	}
	return { problems, details };
}

module.exports = { checkPanelHints, checkConnectedNotice };
