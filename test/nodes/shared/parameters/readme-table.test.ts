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
import { CATALOG, type AnyCatalogModel } from '../../../../nodes/shared/catalog';
import { IMAGE_OUTPUT_FIELDS } from '../../../../nodes/Dataoorts/image/generate';
import { IMAGE_OPTIONS, imageOptionName } from '../../../../nodes/shared/parameters/image-table';

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
				'newDefault' in spec && spec.newDefault
					? `${spec.uiDefault} (versions 1–2), ${spec.newDefault.value} (version ${spec.newDefault.fromVersion})`
					: spec.uiDefault,
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

test('the README lists every Generate an Image option as the image table defines it', () => {
	const table = [
		row(['Option', '`options.` name', 'API name', 'Allowed', 'Shown when added', 'What it does']),
		'|---|---|---|---|---|---|',
		...IMAGE_OPTIONS.map((spec) =>
			row([
				spec.displayName,
				`\`${spec.option}\``,
				spec.option === 'steps'
					? '`steps` (flux) or `num_steps`'
					: spec.apiName === undefined
						? '(not sent)'
						: `\`${spec.apiName}\``,
				spec.kind === 'image-number' ? describeRange(spec) : 'text',
				spec.uiDefault === '' ? '(empty)' : spec.uiDefault,
				spec.description,
			]),
		),
	].join('\n');
	expect(readme).toContain(table);
});

test('the README lists every field of an image item as the node makes it', () => {
	const table = [
		row(['Field', 'What it holds']),
		'|---|---|',
		...IMAGE_OUTPUT_FIELDS.map(([name, what]) => row([`\`${name}\``, what])),
	].join('\n');
	expect(readme).toContain(table);
});

/** What a catalog model takes, as the README's catalog says it. */
function notes(model: AnyCatalogModel): string {
	if (model.kind === 'text') {
		const flags = [
			model.vision && 'accepts images',
			model.reasoning && 'reasoning model',
			model.moderation && 'safety classifier',
		];
		return flags.filter(Boolean).join(', ');
	}
	const inputs = model.inputs.map((input) =>
		input === 'steps'
			? `${imageOptionName(input)} (1 to ${model.steps.max}, ${model.steps.default} when unset)`
			: imageOptionName(input),
	);
	const prompt = `Prompt (${model.maxPromptLength ? `2 to ${model.maxPromptLength}` : 'at least 2'} characters)`;
	return `takes ${[prompt, ...inputs].join(', ')}`;
}

test('the README lists the catalog as catalog.ts holds it', () => {
	const table = [
		row(['Model', 'Kind', 'Context window', 'Price (USD)', 'Notes', 'Source']),
		'|---|---|---|---|---|---|',
		...CATALOG.map((model) =>
			row([
				`\`${model.id}\``,
				model.kind,
				model.kind === 'text' ? model.contextWindow.toLocaleString('en-US') : '',
				model.kind === 'text'
					? `${model.inputPricePerMillion} in / ${model.outputPricePerMillion} out per million tokens`
					: `${model.pricePerImage} per image`,
				notes(model),
				model.source,
			]),
		),
	].join('\n');
	expect(readme).toContain(table);
});

test('the README names the run options by version where their default changed', () => {
	for (const spec of EXECUTION_OPTIONS) {
		if (spec.newDefault === undefined) continue;
		expect(readme).toContain(
			`| ${spec.uiDefault} (versions 1–2), ${spec.newDefault.value} (version ${spec.newDefault.fromVersion}) |`,
		);
	}
});
