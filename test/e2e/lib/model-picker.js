'use strict';
/* global window -- page.evaluate's function runs in the browser page */
/*
 * Editor: the Model resource locator of an open version 2 Dataoorts panel. Widens the panel, opens
 * From List, waits for the entries n8n fetched through the node's searchModels, screenshots the
 * open picker and checks the catalog entries are there with their context and price text.
 *
 * Selectors (same in n8n 1.123 and 2.41, ResourceLocator / ResourceLocatorDropdown):
 *   mode selector  [data-test-id="rlc-mode-selector"]
 *   value input    [data-test-id="rlc-input"]
 *   search         [data-test-id="rlc-search"] (the open dropdown; 1.123 also marks the dropdown
 *                  [data-test-id="resource-locator-dropdown"], 2.41's popover is a bare role=dialog)
 *   panel edges    [data-test-id="ndv"] [data-test-id="resize-handle"]
 *   entry          [data-test-id="rlc-item"]
 *   errors         [data-test-id="rlc-error-container"]
 */

// What From List must show (names from nodes/shared/parameters/model-field.ts `searchModels`).
const PICKER_ENTRIES = [
	'google/gemma-3-12b-it (80,000-token context, accepts images; $0.11 in / $0.12 out per million tokens)',
	'qwen/qwq-32b (24,000-token context; $0.54 in / $0.57 out per million tokens)',
];
const CATALOG_SIZE = 9;

const MODEL = '[data-test-id="ndv"] [data-test-id="parameter-input-model"]';

/**
 * Drags the parameters panel's right edge outwards, as a user does to read long entries: the
 * dropdown is as wide as the field (measured on a window resize), and at the panel's default
 * width n8n cuts the entries after ~50 characters, before the price. Best effort: returns the
 * panel's width, or why it stayed.
 */
async function widenPanel(page, by = 320) {
	try {
		const handles = page.locator('[data-test-id="ndv"] [data-test-id="resize-handle"]');
		const boxes = (await handles.evaluateAll((els) => els.map((e) => e.getBoundingClientRect())))
			.filter((b) => b.width > 0)
			.sort((a, b) => b.x - a.x);
		if (!boxes.length) return 'no resize handle';
		const x = boxes[0].x + boxes[0].width / 2;
		const y = boxes[0].y + boxes[0].height / 2;
		await page.mouse.move(x, y);
		await page.mouse.down();
		await page.mouse.move(x + by, y, { steps: 12 });
		await page.mouse.up();
		await page.evaluate(() => window.dispatchEvent(new Event('resize')));
		await page.waitForTimeout(500);
		const box = await page.locator(MODEL).first().boundingBox();
		return box ? Math.round(box.width) : 'no Model field';
	} catch (e) {
		return `not widened: ${e.message.split('\n')[0]}`;
	}
}

/** Entry texts once n8n has filled the open dropdown (or its error text). */
async function pickerEntries(page) {
	// 1.123 renders [data-test-id="resource-locator-dropdown"]; 2.41's popover does not carry it.
	const items = page.locator('[data-test-id="rlc-item"]').filter({ visible: true });
	const error = page.locator('[data-test-id="rlc-error-container"]').filter({ visible: true });
	await page.locator('[data-test-id="rlc-search"]').filter({ visible: true }).first().waitFor();
	await items
		.first()
		.or(error.first())
		.waitFor({ state: 'visible', timeout: 30000 })
		.catch(() => {});
	const errorText = (await error.count()) ? await error.first().innerText() : '';
	const texts = await items.evaluateAll((els) =>
		els.map((el) => (el.textContent || '').replace(/\s+/g, ' ').trim()),
	);
	return { texts, errorText: errorText.replace(/\s+/g, ' ') };
}

/**
 * With the panel open: the mode is From List, the dropdown opens and lists the catalog.
 * @param {import('playwright-core').Page} page
 * @param {string} screenshot  PNG path for the open picker
 * @returns {Promise<{problems: string[], details: object}>}
 */
async function checkModelPicker(page, screenshot) {
	const problems = [];
	const details = {};
	const model = page.locator(MODEL).first();
	// Element Plus shows the chosen option as text (2.x) or as an input's value (1.x).
	const mode = model.locator('[data-test-id="rlc-mode-selector"]').first();
	details.mode = [
		await mode.innerText({ timeout: 5000 }).catch(() => ''),
		await mode
			.locator('input')
			.first()
			.inputValue({ timeout: 2000 })
			.catch(() => ''),
	].join(' ');
	if (!/from list/i.test(details.mode))
		problems.push(`Model mode is ${JSON.stringify(details.mode)}`);
	details.fieldWidth = await widenPanel(page);
	await model.locator('[data-test-id="rlc-input"]').first().click();
	const { texts, errorText } = await pickerEntries(page);
	await page.waitForTimeout(500); // the popover's opening transition
	await page.screenshot({ path: screenshot });
	details.entries = texts.length;
	details.first = texts[0];
	if (errorText) problems.push(`the picker shows an error: ${errorText.slice(0, 300)}`);
	if (texts.length !== CATALOG_SIZE)
		problems.push(`From List shows ${texts.length} entries, want ${CATALOG_SIZE}`);
	for (const want of PICKER_ENTRIES)
		if (!texts.some((t) => t.includes(want)))
			problems.push(`From List lacks "${want}" (has ${JSON.stringify(texts.slice(0, 3))}…)`);
	await page.keyboard.press('Escape').catch(() => {});
	return { problems, details };
}

module.exports = { checkModelPicker, PICKER_ENTRIES };
