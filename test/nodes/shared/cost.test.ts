import { costOf } from '../../../nodes/shared/cost';

const usage = (promptTokens: number, completionTokens: number) => ({
	promptTokens,
	completionTokens,
	totalTokens: promptTokens + completionTokens,
});

test("the seed's answer at gemma-3-12b-it's published prices ($0.11 in, $0.12 out)", () => {
	expect(costOf(usage(21, 512), 'google/gemma-3-12b-it')).toEqual({
		input: 0.00000231,
		output: 0.00006144,
		total: 0.00006375,
		currency: 'USD',
	});
});

test('dollars are exact to 12 decimals, without binary noise', () => {
	// 7 × 0.07 / 10⁶ is 4.900000000000001e-7 in floating point.
	const prices = { inputPricePerMillion: 0.07, outputPricePerMillion: 0 };
	expect(costOf(usage(7, 0), 'x/unlisted', prices)?.input).toBe(4.9e-7);
});

test('a model the catalog does not list has no cost unless both prices are set', () => {
	expect(costOf(usage(10, 10), 'x/unlisted')).toBeNull();
	expect(costOf(usage(10, 10), 'x/unlisted', { inputPricePerMillion: 1 })).toBeNull();
	expect(
		costOf(usage(1_000_000, 2_000_000), 'x/unlisted', {
			inputPricePerMillion: 1,
			outputPricePerMillion: 2,
		}),
	).toEqual({ input: 1, output: 4, total: 5, currency: 'USD' });
});

test("each price option overrides the catalog's price on its own", () => {
	expect(costOf(usage(1_000_000, 1_000_000), 'qwen/qwq-32b', { outputPricePerMillion: 1 })).toEqual(
		{
			input: 0.54,
			output: 1,
			total: 1.54,
			currency: 'USD',
		},
	);
});

test('no tokens cost nothing; a price of 0 is a price, not a missing one', () => {
	expect(costOf(usage(0, 0), 'google/gemma-3-12b-it')?.total).toBe(0);
	expect(
		costOf(usage(5, 5), 'x/unlisted', { inputPricePerMillion: 0, outputPricePerMillion: 0 }),
	).toEqual({ input: 0, output: 0, total: 0, currency: 'USD' });
});
