/** The parameter table drives the UI: every documented hyperparameter is a field with its range. */
import type { INodeProperties } from 'n8n-workflow';

import { Dataoorts } from '../../../nodes/Dataoorts/Dataoorts.node';
import { OUTPUT_FIELDS } from '../../../nodes/Dataoorts/output-fields';
import {
	EXECUTION_OPTIONS,
	HYPERPARAMETERS,
	PRICE_OPTIONS,
} from '../../../nodes/shared/parameters/table';
import { TEXT_MODELS } from '../../../nodes/shared/catalog';
import documented from '../../fixtures/documented-parameters.json';
import { versionShown } from '../../helpers/versions';

const nodeDescription = new Dataoorts().description;
const property = (name: string) => nodeDescription.properties.find((entry) => entry.name === name)!;
/** The text field n8n shows at `version` (fields of other versions are hidden by `@version`). */
const propertyAt = (name: string, version: number) =>
	nodeDescription.properties.find(
		(entry) =>
			entry.name === name &&
			!entry.displayOptions?.show?.resource &&
			versionShown(entry.displayOptions?.show?.['@version'] ?? [version], version),
	)!;
/** The text resource's options (versions 1–2, and version 3's Text). */
const optionFields = nodeDescription.properties.find(
	(entry) => entry.name === 'options' && entry.displayOptions?.hide?.resource,
)!.options as INodeProperties[];

test('the node is the public contract: name, version, credential, parameters', () => {
	expect(nodeDescription.name).toBe('dataoorts');
	expect(nodeDescription.displayName).toBe('Dataoorts');
	// Version 2 made the model a resource locator; saved version 1 nodes keep their list. Version 3
	// separates reasoning by default and adds Resource and Operation (versions-image.test.ts).
	expect(nodeDescription.version).toEqual([1, 2, 3]);
	expect(nodeDescription.defaultVersion).toBe(3);
	// testedBy: the credential's Test button runs the node's own check (credential-test.ts).
	expect(nodeDescription.credentials).toEqual([
		{ name: 'dataoortsApi', required: true, testedBy: 'dataoortsApiTest' },
	]);
	expect(nodeDescription.properties.map((entry) => entry.name)).toEqual([
		'resource',
		'operation',
		'operation',
		'model',
		'model',
		'model',
		'prompt',
		'options',
		'messages',
		'simplify',
		'options',
	]);
	expect(property('simplify')).toMatchObject({ type: 'boolean', default: true });
	expect(nodeDescription.usableAsTool).toBe(true);
});

test('the optional features are options with their documented names', () => {
	const option = (name: string) => optionFields.find((entry) => entry.name === name)!;
	expect(option('responseFormat')).toMatchObject({ type: 'options', default: 'text' });
	expect(
		option('responseFormat').options!.map((entry) => (entry as { value: string }).value),
	).toEqual(['text', 'json']);
	// Shown only with Response Format JSON, starting from a valid schema (no red lint on adding it).
	expect(option('jsonSchema')).toMatchObject({
		type: 'json',
		displayOptions: { show: { responseFormat: ['json'] } },
	});
	expect(JSON.parse(option('jsonSchema').default as string)).toMatchObject({ type: 'object' });
	expect(option('jsonSchema').description).toMatch(/guided_json.*depends on the model/);
	// Starts empty: adding it to a text-only flow sends no image and breaks nothing.
	expect(option('imageBinaryProperties')).toMatchObject({ type: 'string', default: '' });
	// On by default: a streaming chat shows the answer as it comes; off keeps it whole.
	expect(option('streamToChat')).toMatchObject({ type: 'boolean', default: true });
});

test('version 1: the model list is the catalog, defaulting to google/gemma-3-12b-it', () => {
	const model = propertyAt('model', 1);
	expect(model.default).toBe('google/gemma-3-12b-it');
	expect(model.options!.map((option) => (option as { value: string }).value)).toEqual(
		TEXT_MODELS.map((entry) => entry.id),
	);
	expect(model.description).toMatch(/expression/);
});

test('version 2: the model is a resource locator, From List (searchable) or By ID', async () => {
	const model = propertyAt('model', 2);
	expect(model.type).toBe('resourceLocator');
	expect(model.default).toEqual({ mode: 'list', value: 'google/gemma-3-12b-it' });
	expect(model.modes!.map((mode) => [mode.name, mode.type])).toEqual([
		['list', 'list'],
		['id', 'string'],
	]);
	const search = new Dataoorts().methods.listSearch.searchModels;
	const all = await search.call({} as never);
	expect(all.results.map((entry) => entry.value)).toEqual(TEXT_MODELS.map((entry) => entry.id));
	expect(all.results[0].name).toBe(
		'google/gemma-3-12b-it (80,000-token context, accepts images; $0.11 in / $0.12 out per million tokens)',
	);
	const llama = await search.call({} as never, 'LLAMA-3.1');
	expect(llama.results.map((entry) => entry.value)).toEqual([
		'meta/llama-3.1-70b-instruct',
		'meta/llama-3.1-8b-instruct',
	]);
	// A search that finds nothing points to By ID in the list itself (n8n's "No results" popover
	// covers the field's hint); picking the entry uses the typed text as the ID.
	expect((await search.call({} as never, ' flux ')).results).toEqual([
		{ name: 'No catalog model matches "flux": use By ID for any model ID', value: 'flux' },
	]);
	expect(model.hint).toMatch(/finds nothing.*By ID/);
	expect(propertyAt('model', 3)).toBe(model);
});

test('the content placeholder holds no braces: typed in Fixed mode they would be sent as text', () => {
	const values = (property('messages').options as Array<{ values: INodeProperties[] }>)[0];
	const content = values.values.find((entry) => entry.name === 'content')!;
	expect(content.placeholder).not.toMatch(/[{}]/);
	expect(content.hint).toMatch(/Expression.*\{\{ \$json\.review \}\}/);
});

test('Simplify Output names every field of the simplified item', () => {
	for (const { field } of OUTPUT_FIELDS) expect(property('simplify').description).toContain(field);
});

test('Reasoning: separate, keep or drop; shown as Separate when added', () => {
	const reasoning = optionFields.find((entry) => entry.name === 'reasoning')!;
	expect(reasoning).toMatchObject({ type: 'options', default: 'separate' });
	expect(reasoning.options!.map((entry) => (entry as { value: string }).value)).toEqual([
		'separate',
		'keep',
		'drop',
	]);
	expect(reasoning.description).toMatch(/deepseek-r1-distill-qwen-32b, qwen\/qwq-32b/);
});

test('message content is required and says what to write', () => {
	const values = (property('messages').options as Array<{ values: INodeProperties[] }>)[0];
	const content = values.values.find((entry) => entry.name === 'content')!;
	expect(content.required).toBe(true);
	expect(content.placeholder).toMatch(/^e\.g\. /);
});

test('messages are a fixedCollection at messages.values[] with system, user and assistant roles', () => {
	const messages = property('messages');
	expect(messages.type).toBe('fixedCollection');
	expect(messages.typeOptions).toMatchObject({ multipleValues: true });
	const values = (messages.options as Array<{ name: string; values: INodeProperties[] }>)[0];
	expect(values.name).toBe('values');
	const role = values.values.find((entry) => entry.name === 'role')!;
	expect(role.options!.map((option) => (option as { value: string }).value)).toEqual([
		'system',
		'user',
		'assistant',
	]);
	expect(values.values.map((entry) => entry.name)).toEqual(['role', 'content']);
});

const DOCUMENTED = [...documented.hyperparameters, ...documented.runOptions];

// Checked against the documented ranges copied into test/fixtures, not against the table the UI is
// built from: a wrong row in the table fails here.
test.each(DOCUMENTED)('options.$option shows the documented range', (row) => {
	const field = optionFields.find((entry) => entry.name === row.option)!;
	expect(field).toBeDefined();
	expect(field.type).toBe('number');
	expect(field.typeOptions?.minValue).toBe(row.min);
	expect(field.typeOptions?.maxValue).toBe(row.max ?? undefined);
	expect(field.typeOptions?.numberPrecision).toBe(row.integer ? 0 : 2);
	expect(field.default).toBeGreaterThanOrEqual(row.min);
	if (row.max !== null) expect(field.default).toBeLessThanOrEqual(row.max);
	if ('default' in row) expect(field.default).toBe(row.default);
	expect(field.description).toMatch(
		row.max === null ? `of at least ${row.min}` : `from ${row.min} to ${row.max}`,
	);
});

test('the documented table: names and ranges as the provider documents them', () => {
	expect(
		HYPERPARAMETERS.map(({ option, apiName, min, max, integer }) => ({
			option,
			apiName,
			min,
			max: max ?? null,
			integer,
		})),
	).toEqual(documented.hyperparameters);
	expect(
		EXECUTION_OPTIONS.map(({ option, min, max, integer, uiDefault }) => ({
			option,
			min,
			max,
			integer,
			default: uiDefault,
		})),
	).toEqual(documented.runOptions);
	// Concurrency twice: its default by version (versions-image.test.ts).
	expect([...new Set(optionFields.map((entry) => entry.name))].sort()).toEqual(
		[
			...[...HYPERPARAMETERS, ...EXECUTION_OPTIONS, ...PRICE_OPTIONS].map((spec) => spec.option),
			'imageBinaryProperties',
			'jsonSchema',
			'reasoning',
			'responseFormat',
			'streamToChat',
		].sort(),
	);
});
