/**
 * Inputs that would take super-linear time with a naive scan (catastrophic regex backtracking,
 * recursion): each must be handled within a wall-clock bound. Wall-clock bounds flake on a
 * loaded machine, so these run apart from `npm test`, in `npm run test:slow` (.ci/run).
 */
import { ReplyNotJsonError } from '../../nodes/shared/errors/errors';
import { parseJsonReply } from '../../nodes/Dataoorts/output-item';
import { parseBoundedJson } from '../../nodes/shared/json';
import { checkNumericOption } from '../../nodes/shared/parameters/check';
import { HYPERPARAMETERS } from '../../nodes/shared/parameters/table';
import { scrubUserinfo } from '../../nodes/shared/transport/answer/redact';

const spec = (option: string) => HYPERPARAMETERS.find((entry) => entry.option === option)!;
const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

test('a 200,000-digit string is checked in linear time', () => {
	const started = performance.now();
	expect(() => checkNumericOption(spec('topP'), `${'1'.repeat(200_000)}x`)).toThrow(
		'is not a number',
	);
	expect(performance.now() - started).toBeLessThan(500);
});

test('100,000 levels: refused quickly, without recursion, and nothing is thrown', () => {
	const started = performance.now();
	expect(parseBoundedJson(`{"a":${nested(100_000)}}`)).toEqual({ ok: false, problem: 'too-deep' });
	expect(performance.now() - started).toBeLessThan(500);
});

test('scrubUserinfo scans linearly: megabytes of provider text take milliseconds', () => {
	const started = performance.now();
	expect(scrubUserinfo('x'.repeat(2_000_000))).toHaveLength(2_000_000);
	expect(scrubUserinfo(`${'a://'.repeat(200_000)}b@c`)).toMatch(/a:\/\/\*\*\*@c$/);
	expect(performance.now() - started).toBeLessThan(1000);
});

test('a fence around megabytes of spaces is refused in linear time', () => {
	const started = performance.now();
	expect(() => parseJsonReply(`\`\`\`${' '.repeat(2_000_000)}x\`\`\``)).toThrow(ReplyNotJsonError);
	expect(parseJsonReply(`\`\`\`json${' '.repeat(2_000_000)}[1]\n\`\`\``)).toEqual([1]);
	expect(performance.now() - started).toBeLessThan(1000);
});
