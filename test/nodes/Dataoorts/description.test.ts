/** The parameter table drives the UI: every documented hyperparameter is a field with its range. */
import type { INodeProperties } from 'n8n-workflow';

import { nodeDescription } from '../../../nodes/Dataoorts/description';
import { EXECUTION_OPTIONS, HYPERPARAMETERS } from '../../../nodes/Dataoorts/parameters';
import { TEXT_MODELS } from '../../../nodes/Dataoorts/models';

const property = (name: string) => nodeDescription.properties.find((entry) => entry.name === name)!;
const optionFields = property('options').options as INodeProperties[];

test('the node is the public contract: name, version, credential, parameters', () => {
	expect(nodeDescription.name).toBe('dataoorts');
	expect(nodeDescription.displayName).toBe('Dataoorts');
	expect(nodeDescription.version).toBe(1);
	// testedBy: the credential's Test button runs the node's own check (credential-test.ts).
	expect(nodeDescription.credentials).toEqual([
		{ name: 'dataoortsApi', required: true, testedBy: 'dataoortsApiTest' },
	]);
	expect(nodeDescription.properties.map((entry) => entry.name)).toEqual([
		'model',
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
	expect(option('jsonSchema')).toMatchObject({ type: 'json', default: '' });
	expect(option('jsonSchema').description).toMatch(/guided_json.*depends on the model/);
	expect(option('imageBinaryProperties')).toMatchObject({ type: 'string', default: 'data' });
});

test('the model list is the catalog, defaulting to google/gemma-3-12b-it', () => {
	const model = property('model');
	expect(model.default).toBe('google/gemma-3-12b-it');
	expect(model.options!.map((option) => (option as { value: string }).value)).toEqual(
		TEXT_MODELS.map((entry) => entry.id),
	);
	expect(model.description).toMatch(/expression/);
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

test.each([...HYPERPARAMETERS, ...EXECUTION_OPTIONS])(
	'options.$option shows the documented range',
	(spec) => {
		const field = optionFields.find((entry) => entry.name === spec.option)!;
		expect(field).toBeDefined();
		expect(field.type).toBe('number');
		expect(field.typeOptions?.minValue).toBe(spec.min);
		expect(field.typeOptions?.maxValue).toBe(spec.max);
		expect(field.typeOptions?.numberPrecision).toBe(spec.integer ? 0 : 2);
		expect(field.default).toBeGreaterThanOrEqual(spec.min);
		if (spec.max !== undefined) expect(field.default).toBeLessThanOrEqual(spec.max);
		expect(field.description).toMatch(
			spec.max === undefined ? `of at least ${spec.min}` : `from ${spec.min} to ${spec.max}`,
		);
	},
);

test('the documented table: names and ranges as the provider documents them', () => {
	expect(
		HYPERPARAMETERS.map((spec) => [
			spec.option,
			spec.apiName,
			spec.min,
			spec.max ?? null,
			spec.integer,
		]),
	).toEqual([
		['maxTokens', 'max_tokens', 1, null, true],
		['temperature', 'temperature', 0, 5, false],
		['topP', 'top_p', 0, 2, false],
		['topK', 'top_k', 1, 50, true],
		['seed', 'seed', 1, 9999999999, true],
		['repetitionPenalty', 'repetition_penalty', 0, 2, false],
		['frequencyPenalty', 'frequency_penalty', 0, 2, false],
		['presencePenalty', 'presence_penalty', 0, 2, false],
	]);
	expect(optionFields.map((entry) => entry.name).sort()).toEqual(
		[
			...[...HYPERPARAMETERS, ...EXECUTION_OPTIONS].map((spec) => spec.option),
			'imageBinaryProperties',
			'jsonSchema',
			'responseFormat',
		].sort(),
	);
});
