import {
	ReplyNotJsonError,
	parseJsonReply,
	simplifyAnswer,
	toOutputJson,
} from '../../../nodes/Dataoorts/response';
import type { DataoortsSuccessBody } from '../../../nodes/Dataoorts/transport';
import { SEED_RESPONSE } from '../../helpers/fixtures';

const seed = SEED_RESPONSE as unknown as DataoortsSuccessBody;

test('simplified output: response, usage, tool_calls and the model asked for', () => {
	expect(simplifyAnswer(seed, 'google/gemma-3-12b-it')).toEqual({
		response: SEED_RESPONSE.result.response,
		usage: { prompt_tokens: 21, completion_tokens: 512, total_tokens: 533 },
		tool_calls: [],
		model: 'google/gemma-3-12b-it',
	});
});

test('missing usage and tool_calls become zeros and an empty list, never undefined', () => {
	const sparse = {
		success: true,
		errors: [],
		messages: [],
		result: { response: 'ok' },
	} as DataoortsSuccessBody;
	expect(simplifyAnswer(sparse, 'm/x')).toEqual({
		response: 'ok',
		usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
		tool_calls: [],
		model: 'm/x',
	});
});

test('tool calls pass through; simplify off returns the whole body', () => {
	const withTools = {
		...seed,
		result: { ...seed.result, tool_calls: [{ name: 'lookup', arguments: { id: 1 } }] },
	};
	expect(simplifyAnswer(withTools, 'm').tool_calls).toEqual([
		{ name: 'lookup', arguments: { id: 1 } },
	]);
	expect(toOutputJson(seed, { simplify: false, model: 'm' })).toBe(seed);
});

describe('parseJsonReply', () => {
	test.each([
		['{"a": 1}', { a: 1 }],
		['  [1, 2]  ', [1, 2]],
		['```json\n{"title": "x"}\n```', { title: 'x' }],
		['```\n{"title": "y"}\n```', { title: 'y' }],
	])('%j → %j', (reply, parsed) => {
		expect(parseJsonReply(reply)).toEqual(parsed);
	});

	test('an object (guided JSON) is taken as it is', () => {
		expect(parseJsonReply({ a: 1 })).toEqual({ a: 1 });
	});

	test('a reply nested deeper than 100 levels is refused, so the item stays serialisable', () => {
		const deep = '['.repeat(100_000) + ']'.repeat(100_000);
		expect(() => parseJsonReply(deep)).toThrow(
			/^The model's reply is JSON nested deeper than 100 levels \(Response Format is JSON\): "\[{120}…"$/,
		);
		expect(parseJsonReply('['.repeat(100) + ']'.repeat(100))).toHaveLength(1);
	});

	test('a fence around megabytes of spaces is refused in linear time', () => {
		const started = performance.now();
		expect(() => parseJsonReply(`\`\`\`${' '.repeat(2_000_000)}x\`\`\``)).toThrow(
			ReplyNotJsonError,
		);
		expect(parseJsonReply(`\`\`\`json${' '.repeat(2_000_000)}[1]\n\`\`\``)).toEqual([1]);
		expect(performance.now() - started).toBeLessThan(1000);
	});

	test('text that is not JSON is an error quoting its start', () => {
		expect(() => parseJsonReply('Sure! Here is the JSON you asked for: {a: 1}')).toThrow(
			new ReplyNotJsonError('Sure! Here is the JSON you asked for: {a: 1}'),
		);
		expect(() => parseJsonReply('Sure!')).toThrow(
			'The model\'s reply is not valid JSON (Response Format is JSON): "Sure!"',
		);
	});
});
