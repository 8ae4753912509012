/**
 * The README's Options tables follow from the parameter table: a row added, changed or removed
 * there fails here until the README says the same (the failure shows the table to paste).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { OUTPUT_FIELDS } from '../../../../nodes/Dataoorts/output-fields';
import {
	EXECUTION_OPTIONS,
	HYPERPARAMETERS,
	PRICE_OPTIONS,
	describeRange,
} from '../../../../nodes/shared/parameters/table';

const readme = readFileSync(path.resolve(__dirname, '../../../../README.md'), 'utf8');

/** A line of a Markdown table; `|` inside a cell is escaped. */
const row = (cells: Array<string | number>) =>
	`| ${cells.map((cell) => String(cell).replace(/\|/g, '\\|')).join(' | ')} |`;

test('the README lists every hyperparameter as the table defines it', () => {
	const table = [
		row(['Option', '`options.` name', 'API name', 'Allowed', 'Shown when added', 'What it does']),
		'|---|---|---|---|---|---|',
		...HYPERPARAMETERS.map((spec) =>
			row([
				spec.displayName,
				`\`${spec.option}\``,
				`\`${spec.apiName}\``,
				describeRange(spec),
				spec.uiDefault,
				spec.description,
			]),
		),
	].join('\n');
	expect(readme).toContain(table);
});

test.each([
	['run option', EXECUTION_OPTIONS, 'Default'],
	['price option', PRICE_OPTIONS, 'Shown when added'],
])('the README lists every %s as the table defines it', (_kind, rows, defaultHeader) => {
	const table = [
		row(['Option', '`options.` name', 'Allowed', defaultHeader, 'What it does']),
		'|---|---|---|---|---|',
		...rows.map((spec) =>
			row([
				spec.displayName,
				`\`${spec.option}\``,
				describeRange(spec),
				spec.uiDefault,
				spec.description,
			]),
		),
	].join('\n');
	expect(readme).toContain(table);
});

test('the README lists every field of the simplified output item as the code defines it', () => {
	const table = [
		row(['Field', 'Present', 'What it holds']),
		'|---|---|---|',
		...OUTPUT_FIELDS.map((entry) => row([`\`${entry.field}\``, entry.present, entry.holds])),
	].join('\n');
	expect(readme).toContain(table);
});
