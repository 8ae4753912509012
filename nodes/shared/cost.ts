/**
 * What an answer cost: a text answer from its token usage and the model's price per million tokens,
 * an image from its price per image.
 */
import { catalogModel } from './catalog';
import type { TokenUsage } from './usage';

export interface Cost {
	input: number;
	output: number;
	total: number;
	currency: 'USD';
}

/** Prices a user set (the options); each one overrides the catalog's. */
export interface PriceOverrides {
	inputPricePerMillion?: number;
	outputPricePerMillion?: number;
}

/** Dollars to 12 decimal places: exact for any token count at prices with a few decimals. */
function usd(amount: number): number {
	return Number(amount.toFixed(12));
}

/** The cost of one answer, or null when a price of the model is unknown. */
export function costOf(
	usage: TokenUsage,
	model: string,
	overrides: PriceOverrides = {},
): Cost | null {
	const listed = catalogModel(model);
	const inputPrice = overrides.inputPricePerMillion ?? listed?.inputPricePerMillion;
	const outputPrice = overrides.outputPricePerMillion ?? listed?.outputPricePerMillion;
	if (inputPrice === undefined || outputPrice === undefined) return null;
	const input = usd((usage.promptTokens * inputPrice) / 1_000_000);
	const output = usd((usage.completionTokens * outputPrice) / 1_000_000);
	return { input, output, total: usd(input + output), currency: 'USD' };
}

/** The cost of one image, or null when its price is unknown. */
export function imageCostOf(
	pricePerImage: number | undefined,
): Pick<Cost, 'total' | 'currency'> | null {
	return pricePerImage === undefined ? null : { total: usd(pricePerImage), currency: 'USD' };
}
