import { formatSeconds, formatValue } from '../../../nodes/shared/format';

describe('formatValue: a user value as an error message quotes it', () => {
	test.each([
		[undefined, 'undefined'],
		[null, 'null'],
		[51, '51'],
		[true, 'true'],
		['', '""'],
		['0x1', '"0x1"'],
		[{ a: 1 }, '{"a":1}'],
	])('%p → %s', (value, shown) => expect(formatValue(value)).toBe(shown));

	test('long strings and objects are cut at 60 characters with an ellipsis', () => {
		expect(formatValue('x'.repeat(100))).toBe(`"${'x'.repeat(60)}…"`);
		expect(formatValue({ text: 'y'.repeat(100) })).toHaveLength(61);
	});

	test('a value JSON cannot render is still shown', () => {
		expect(formatValue(() => 1)).toBe('() => 1');
	});
});

describe('formatSeconds: a wait in milliseconds as a message shows it', () => {
	test.each([
		[0, '0 s'],
		[1500, '1.5 s'],
		[2000, '2 s'],
		[12_345, '12 s'],
		[3_600_000, '3600 s'],
		[1e12, '10⁹ s or more'],
	])('%p ms → %s', (ms, shown) => expect(formatSeconds(ms)).toBe(shown));
});
