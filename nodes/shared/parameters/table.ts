/**
 * The documented parameter table, held once: one row per hyperparameter (and per run option).
 *
 * Source: the provider's model page (google/gemma-3-12b-it, 2025-06-11) and the API reference.
 * Everything else follows from a row: the UI field (fields.ts), the run-time check (check.ts), the
 * API name in the request body (api-fields.ts) and the README's Options table (a test compares it).
 * Adding a documented hyperparameter is one row here. The row shapes are in spec.ts.
 */
import type { HyperparameterRow, PriceRow, RunOptionRow } from './spec';

export { describeRange, runDefault, type NumericOptionSpec } from './spec';

const ROWS = [
	{
		kind: 'hyperparameter',
		option: 'maxTokens',
		apiName: 'max_tokens',
		displayName: 'Maximum Number of Tokens',
		description:
			"The maximum number of tokens to generate in the response. The model's context window also bounds it.",
		min: 1,
		integer: true,
		uiDefault: 512,
	},
	{
		kind: 'hyperparameter',
		option: 'temperature',
		apiName: 'temperature',
		displayName: 'Sampling Temperature',
		description:
			'Controls randomness: lower is more focused and deterministic, higher is more varied. The API uses 0.6 when unset.',
		min: 0,
		max: 5,
		integer: false,
		uiDefault: 0.6,
	},
	{
		kind: 'hyperparameter',
		option: 'topP',
		apiName: 'top_p',
		displayName: 'Top P',
		description: 'Nucleus sampling: only tokens within this cumulative probability are considered.',
		min: 0,
		max: 2,
		integer: false,
		uiDefault: 0.9,
	},
	{
		kind: 'hyperparameter',
		option: 'topK',
		apiName: 'top_k',
		displayName: 'Top K',
		description: 'Only the K most likely next tokens are considered.',
		min: 1,
		max: 50,
		integer: true,
		uiDefault: 40,
	},
	{
		kind: 'hyperparameter',
		option: 'seed',
		apiName: 'seed',
		displayName: 'Seed',
		description:
			'Random seed for reproducible output: the same seed and input give the same answer.',
		min: 1,
		max: 9999999999,
		integer: true,
		uiDefault: 1,
	},
	{
		kind: 'hyperparameter',
		option: 'repetitionPenalty',
		apiName: 'repetition_penalty',
		displayName: 'Repetition Penalty',
		description: 'Penalty for repeating tokens already generated.',
		min: 0,
		max: 2,
		integer: false,
		uiDefault: 1,
	},
	{
		kind: 'hyperparameter',
		option: 'frequencyPenalty',
		apiName: 'frequency_penalty',
		displayName: 'Frequency Penalty',
		description: 'Penalises tokens by how often they already appear, reducing verbatim repetition.',
		min: 0,
		max: 2,
		integer: false,
		uiDefault: 0,
	},
	{
		kind: 'hyperparameter',
		option: 'presencePenalty',
		apiName: 'presence_penalty',
		displayName: 'Presence Penalty',
		description:
			'Penalises tokens that have appeared at all, nudging the model towards new topics.',
		min: 0,
		max: 2,
		integer: false,
		uiDefault: 0,
	},

	{
		kind: 'run',
		option: 'concurrency',
		displayName: 'Concurrency',
		description:
			"How many items are sent to Dataoorts at the same time, at most. When the account's rate limit (about 300 requests per minute) answers 429, every call using this credential slows down together and waits instead of failing; see Max Rate Limit Wait.",
		min: 1,
		max: 64,
		integer: true,
		uiDefault: 5,
		// The account's governor makes high concurrency lossless, and the default is what users run.
		newDefault: { fromVersion: 3, value: 32 },
	},
	{
		kind: 'run',
		option: 'maxRetries',
		displayName: 'Max Retries',
		description:
			'How many times a failed request is retried on timeouts, server errors (5xx) and network errors, with exponential backoff. 0 means one attempt only. Rate-limit answers (429) do not count: see Max Rate Limit Wait.',
		min: 0,
		max: 10,
		integer: true,
		uiDefault: 3,
	},
	{
		kind: 'run',
		option: 'maxRateLimitWait',
		displayName: 'Max Rate Limit Wait (Seconds)',
		description:
			'How long one item may wait in total, in seconds, while the account is rate limited (429): the item waits for room and is sent again, without spending Max Retries. A Retry-After longer than what is left fails the item at once. 0 fails an item at its first 429.',
		min: 0,
		max: 3600,
		integer: true,
		uiDefault: 300,
	},
	{
		kind: 'run',
		option: 'timeout',
		displayName: 'Timeout (Milliseconds)',
		description:
			'How long one attempt may take, in milliseconds, before it is abandoned (and retried). Long generations need minutes; the default is 10 minutes.',
		min: 1000,
		max: 3_600_000,
		integer: true,
		uiDefault: 600_000,
	},
	{
		kind: 'price',
		option: 'inputPricePerMillion',
		displayName: 'Input Price per Million Tokens (USD)',
		description:
			"What a million prompt tokens cost, for the output's cost field. Overrides the catalog's price; set it for a model the catalog does not list.",
		min: 0,
		integer: false,
		uiDefault: 0,
		decimals: 4,
	},
	{
		kind: 'price',
		option: 'outputPricePerMillion',
		displayName: 'Output Price per Million Tokens (USD)',
		description:
			"What a million completion tokens cost, for the output's cost field. Overrides the catalog's price; set it for a model the catalog does not list.",
		min: 0,
		integer: false,
		uiDefault: 0,
		decimals: 4,
	},
] as const satisfies ReadonlyArray<HyperparameterRow | RunOptionRow | PriceRow>;

type Row = (typeof ROWS)[number];

/** `maxTokens`, `temperature`, …: the hyperparameters' option names, from the table. */
export type HyperparameterOption = Extract<Row, { kind: 'hyperparameter' }>['option'];

/** `concurrency`, `maxRetries`, `timeout`: the run options, from the table. */
export type ExecutionOption = Extract<Row, { kind: 'run' }>['option'];

export const HYPERPARAMETERS = ROWS.filter(
	(row): row is Extract<Row, { kind: 'hyperparameter' }> => row.kind === 'hyperparameter',
) as ReadonlyArray<HyperparameterRow & { option: HyperparameterOption }>;

export const EXECUTION_OPTIONS = ROWS.filter(
	(row): row is Extract<Row, { kind: 'run' }> => row.kind === 'run',
) as ReadonlyArray<RunOptionRow & { option: ExecutionOption }>;

/** `inputPricePerMillion`, `outputPricePerMillion`. */
export type PriceOption = Extract<Row, { kind: 'price' }>['option'];

export const PRICE_OPTIONS = ROWS.filter(
	(row): row is Extract<Row, { kind: 'price' }> => row.kind === 'price',
) as ReadonlyArray<PriceRow & { option: PriceOption }>;
