'use strict';
/*
 * Editor: what a first-time user reads in the panels (issue 18, point 8). In the Dataoorts panel, the
 * Model field's hint points to By ID (a picker search that finds nothing shows an empty list) and the
 * message Content's hint says how to map a field. In the Basic LLM Chain example, the Dataoorts Chat
 * Model is connected: its "Connect this node …" notice is in the panel but hidden, as n8n hides its own
 * sub-nodes' notices (class ndv-connection-hint-notice).
 */
const { launch, openNodePanel } = require('../editor-check');

const NOTICE = '[data-test-id="ndv"] .ndv-connection-hint-notice';

/** Problems of the Dataoorts panel's hints, from its visible text. */
function dataoortsPanelHints(ndvText) {
	const problems = [];
	if (!/Choose By ID/.test(ndvText)) problems.push('the Model field has no hint pointing to By ID');
	if (!/switch to Expression/.test(ndvText))
		problems.push('the Content field has no hint on mapping fields');
	return problems;
}

/**
 * Opens the connected Dataoorts Chat Model of `workflowId`; the connect notice must be hidden.
 * @returns {Promise<{problems: string[], details: object}>}
 */
async function checkConnectedNotice(o) {
	const problems = [];
	const details = {};
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

module.exports = { dataoortsPanelHints, checkConnectedNotice };
