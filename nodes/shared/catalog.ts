/**
 * Dataoorts text-generation models: ids and context windows from Dataoorts' public catalog file
 * (last changed 2025-10); prices in USD per million tokens from each model's page (input) and
 * Dataoorts' public pricing.txt (output), checked 2026-11. The catalog changes over time, so both
 * nodes also accept any other model id (By ID), and a user can set prices for it.
 */
export interface CatalogModel {
	readonly id: string;
	readonly contextWindow: number;
	/** Accepts image parts in message content. */
	readonly vision: boolean;
	/** Answers with its thoughts first, closed by </think> (nodes/shared/reasoning.ts). */
	readonly reasoning: boolean;
	/** Answers with a safety verdict, Llama Guard 3's (nodes/shared/moderation.ts). */
	readonly moderation: boolean;
	/** USD per million prompt tokens. */
	readonly inputPricePerMillion: number;
	/** USD per million completion tokens. */
	readonly outputPricePerMillion: number;
}

export const DEFAULT_MODEL = 'google/gemma-3-12b-it';

// prettier-ignore
export const TEXT_MODELS: readonly CatalogModel[] = [
	{ id: 'google/gemma-3-12b-it', contextWindow: 80_000, vision: true, reasoning: false, moderation: false, inputPricePerMillion: 0.11, outputPricePerMillion: 0.12 },
	{ id: 'meta/llama-4-scout-17b-16e-instruct', contextWindow: 130_000, vision: true, reasoning: false, moderation: false, inputPricePerMillion: 0.32, outputPricePerMillion: 0.34 },
	{ id: 'meta/llama-3.3-70b-instruct-fp8-fast', contextWindow: 25_000, vision: false, reasoning: false, moderation: false, inputPricePerMillion: 0.31, outputPricePerMillion: 0.34 },
	{ id: 'meta/llama-3.1-70b-instruct', contextWindow: 25_000, vision: false, reasoning: false, moderation: false, inputPricePerMillion: 0.31, outputPricePerMillion: 0.34 },
	{ id: 'meta/llama-3.1-8b-instruct', contextWindow: 8_000, vision: false, reasoning: false, moderation: false, inputPricePerMillion: 0.07, outputPricePerMillion: 0.08 },
	{ id: 'meta/llama-guard-3-8b', contextWindow: 8_124, vision: false, reasoning: false, moderation: true, inputPricePerMillion: 0.12, outputPricePerMillion: 0.15 },
	{ id: 'deepseek-ai/deepseek-r1-distill-qwen-32b', contextWindow: 85_000, vision: false, reasoning: true, moderation: false, inputPricePerMillion: 0.56, outputPricePerMillion: 0.59 },
	{ id: 'qwen/qwen2.5-coder-32b-instruct', contextWindow: 32_500, vision: false, reasoning: false, moderation: false, inputPricePerMillion: 0.55, outputPricePerMillion: 0.57 },
	{ id: 'qwen/qwq-32b', contextWindow: 24_000, vision: false, reasoning: true, moderation: false, inputPricePerMillion: 0.54, outputPricePerMillion: 0.57 },
];

export function catalogModel(id: string): CatalogModel | undefined {
	return TEXT_MODELS.find((model) => model.id === id);
}
