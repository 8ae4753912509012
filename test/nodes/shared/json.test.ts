import { MAX_JSON_DEPTH, exceedsDepth, parseBoundedJson } from '../../../nodes/shared/json';

const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

test('parses ordinary JSON', () => {
	expect(parseBoundedJson('{"a":[1,{"b":"c"}]}')).toEqual({
		ok: true,
		value: { a: [1, { b: 'c' }] },
	});
});

test(`depth ${MAX_JSON_DEPTH} is read, one more is refused`, () => {
	expect(parseBoundedJson(nested(MAX_JSON_DEPTH)).ok).toBe(true);
	expect(parseBoundedJson(nested(MAX_JSON_DEPTH + 1))).toEqual({ ok: false, problem: 'too-deep' });
});

test('brackets inside strings (also after escaped quotes) do not count', () => {
	const text = JSON.stringify({ s: '['.repeat(500) + '\\"[[[', t: '{{{' });
	expect(exceedsDepth(text, 2)).toBe(false);
	expect(parseBoundedJson(text, { maxDepth: 2 }).ok).toBe(true);
});

test('a custom depth and a size limit', () => {
	expect(parseBoundedJson('[[1]]', { maxDepth: 1 })).toEqual({ ok: false, problem: 'too-deep' });
	expect(parseBoundedJson('"abcdef"', { maxChars: 4 })).toEqual({
		ok: false,
		problem: 'too-large',
	});
});

test('invalid JSON is a syntax problem', () => {
	for (const text of ['{"a":', '']) {
		expect(parseBoundedJson(text)).toEqual({
			ok: false,
			problem: 'syntax',
			reason: expect.stringMatching(/JSON/),
		});
	}
});
