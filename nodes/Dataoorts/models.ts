/**
 * Dataoorts text-generation models (public catalog, last changed 2025-10). The catalog changes
 * over time, so the node also accepts any well-formed model id given by expression (model-id.ts).
 */
export interface CatalogModel {
	readonly id: string;
	readonly contextWindow: number;
	/** Accepts image parts in message content (issue: vision). */
	readonly vision: boolean;
}

export const DEFAULT_MODEL = 'google/gemma-3-12b-it';

export const TEXT_MODELS: readonly CatalogModel[] = [
	{ id: 'google/gemma-3-12b-it', contextWindow: 80_000, vision: true },
	{ id: 'meta/llama-4-scout-17b-16e-instruct', contextWindow: 130_000, vision: true },
	{ id: 'meta/llama-3.3-70b-instruct-fp8-fast', contextWindow: 25_000, vision: false },
	{ id: 'meta/llama-3.1-70b-instruct', contextWindow: 25_000, vision: false },
	{ id: 'meta/llama-3.1-8b-instruct', contextWindow: 8_000, vision: false },
	{ id: 'meta/llama-guard-3-8b', contextWindow: 8_124, vision: false },
	{ id: 'deepseek-ai/deepseek-r1-distill-qwen-32b', contextWindow: 85_000, vision: false },
	{ id: 'qwen/qwen2.5-coder-32b-instruct', contextWindow: 32_500, vision: false },
	{ id: 'qwen/qwq-32b', contextWindow: 24_000, vision: false },
];
