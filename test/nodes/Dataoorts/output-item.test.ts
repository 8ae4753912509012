import { ReplyNotJsonError } from '../../../nodes/shared/errors/errors';
import type { DataoortsEnvelope } from '../../../nodes/shared/wire';
import { parseJsonReply, simplifyAnswer, toOutputJson } from '../../../nodes/Dataoorts/output-item';
import { SEED_RESPONSE } from '../../helpers/fixtures';

const seed = SEED_RESPONSE as unknown as DataoortsEnvelope;

test('simplified output: response, usage, cost, tool_calls and the model asked for', () => {
	expect(simplifyAnswer(seed, 'google/gemma-3-12b-it')).toEqual({
		response: SEED_RESPONSE.result.response,
		usage: { prompt_tokens: 21, completion_tokens: 512, total_tokens: 533 },
		// 21 × $0.11 and 512 × $0.12 per million tokens.
		cost: { input: 0.00000231, output: 0.00006144, total: 0.00006375, currency: 'USD' },
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
	} as DataoortsEnvelope;
	expect(simplifyAnswer(sparse, 'm/x')).toEqual({
		response: 'ok',
		usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
		cost: null,
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
	expect(toOutputJson(seed, { simplify: false, model: 'm' })).toEqual({
		...seed,
		cost: null,
		truncated: false,
	});
});

describe('cost', () => {
	test('an unknown model has no price: cost is null, with Simplify Output on and off', () => {
		expect(simplifyAnswer(seed, 'acme/unlisted-1b').cost).toBeNull();
		expect(toOutputJson(seed, { simplify: false, model: 'acme/unlisted-1b' }).cost).toBeNull();
	});

	test('the price options set a price for any model, and override the catalog one by one', () => {
		const prices = { inputPricePerMillion: 1, outputPricePerMillion: 2 };
		expect(simplifyAnswer(seed, 'acme/unlisted-1b', prices).cost).toEqual({
			input: 0.000021,
			output: 0.001024,
			total: 0.001045,
			currency: 'USD',
		});
		expect(
			toOutputJson(seed, {
				simplify: false,
				model: 'google/gemma-3-12b-it',
				prices: { outputPricePerMillion: 1 },
			}).cost,
		).toEqual({ input: 0.00000231, output: 0.000512, total: 0.00051431, currency: 'USD' });
		expect(simplifyAnswer(seed, 'acme/unlisted-1b', { inputPricePerMillion: 1 }).cost).toBeNull();
	});
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

	test('text that is not JSON is an error quoting its start', () => {
		expect(() => parseJsonReply('Sure! Here is the JSON you asked for: {a: 1}')).toThrow(
			new ReplyNotJsonError('Sure! Here is the JSON you asked for: {a: 1}'),
		);
		expect(() => parseJsonReply('Sure!')).toThrow(
			'The model\'s reply is not valid JSON (Response Format is JSON): "Sure!"',
		);
	});
});
