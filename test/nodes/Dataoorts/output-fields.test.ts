/** The simplified output's fields, listed once for the description and the README. */
import { OUTPUT_FIELDS, listOutputFields } from '../../../nodes/Dataoorts/output-fields';

test('the fields in their order', () => {
	expect(OUTPUT_FIELDS.map((entry) => entry.field)).toEqual([
		'response',
		'reasoning',
		'moderation',
		'truncated',
		'usage',
		'cost',
		'tool_calls',
		'model',
	]);
});

test('listed as a sentence: commas, then "and" before the last', () => {
	expect(listOutputFields()).toBe(
		'response, reasoning, moderation, truncated, usage, cost, tool_calls and model',
	);
});

test('each field says when it is present and what it holds', () => {
	for (const entry of OUTPUT_FIELDS) {
		expect(entry.present).not.toBe('');
		expect(entry.holds).toMatch(/\.$/);
	}
});
