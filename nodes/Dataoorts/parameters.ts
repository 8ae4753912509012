/**
 * The documented Dataoorts hyperparameter table, held once.
 *
 * Source: the provider's model page (shared/seed) and the API reference. Every UI field of the
 * node's "Options" collection and every run-time range check is derived from this table, so a
 * range changes in exactly one place.
 */

export type HyperparameterOption =
	| 'maxTokens'
	| 'temperature'
	| 'topP'
	| 'topK'
	| 'seed'
	| 'repetitionPenalty'
	| 'frequencyPenalty'
	| 'presencePenalty';

/** A numeric field of the node's "Options" collection: its UI and its run-time range check. */
export interface NumericOptionSpec {
	/** Name in the node's `options` collection (public contract: saved workflows use it). */
	readonly option: string;
	readonly displayName: string;
	readonly description: string;
	readonly min: number;
	/** Undefined where there is no upper bound. */
	readonly max?: number;
	/** True where a whole number is required. */
	readonly integer: boolean;
	/** Value the field shows when the user adds it. */
	readonly uiDefault: number;
	/** Decimal places the UI offers; 0 for whole numbers. */
	readonly precision: number;
}

/** A documented API hyperparameter: sent under `data.<apiName>` only when the user sets it. */
export interface HyperparameterSpec extends NumericOptionSpec {
	readonly option: HyperparameterOption;
	/** The API's documented snake_case name. */
	readonly apiName: string;
}

export const HYPERPARAMETERS: readonly HyperparameterSpec[] = [
	{
		option: 'maxTokens',
		apiName: 'max_tokens',
		displayName: 'Maximum Number of Tokens',
		description:
			"The maximum number of tokens to generate in the response. The model's context window also bounds it.",
		min: 1,
		integer: true,
		uiDefault: 512,
		precision: 0,
	},
	{
		option: 'temperature',
		apiName: 'temperature',
		displayName: 'Sampling Temperature',
		description:
			'Controls randomness: lower is more focused and deterministic, higher is more varied. The API uses 0.6 when unset.',
		min: 0,
		max: 5,
		integer: false,
		uiDefault: 0.6,
		precision: 2,
	},
	{
		option: 'topP',
		apiName: 'top_p',
		displayName: 'Top P',
		description: 'Nucleus sampling: only tokens within this cumulative probability are considered.',
		min: 0,
		max: 2,
		integer: false,
		uiDefault: 0.9,
		precision: 2,
	},
	{
		option: 'topK',
		apiName: 'top_k',
		displayName: 'Top K',
		description: 'Only the K most likely next tokens are considered.',
		min: 1,
		max: 50,
		integer: true,
		uiDefault: 40,
		precision: 0,
	},
	{
		option: 'seed',
		apiName: 'seed',
		displayName: 'Seed',
		description:
			'Random seed for reproducible output: the same seed and input give the same answer.',
		min: 1,
		max: 9999999999,
		integer: true,
		uiDefault: 1,
		precision: 0,
	},
	{
		option: 'repetitionPenalty',
		apiName: 'repetition_penalty',
		displayName: 'Repetition Penalty',
		description: 'Penalty for repeating tokens already generated.',
		min: 0,
		max: 2,
		integer: false,
		uiDefault: 1,
		precision: 2,
	},
	{
		option: 'frequencyPenalty',
		apiName: 'frequency_penalty',
		displayName: 'Frequency Penalty',
		description: 'Penalises tokens by how often they already appear, reducing verbatim repetition.',
		min: 0,
		max: 2,
		integer: false,
		uiDefault: 0,
		precision: 2,
	},
	{
		option: 'presencePenalty',
		apiName: 'presence_penalty',
		displayName: 'Presence Penalty',
		description:
			'Penalises tokens that have appeared at all, nudging the model towards new topics.',
		min: 0,
		max: 2,
		integer: false,
		uiDefault: 0,
		precision: 2,
	},
];

export type ExecutionOption = 'concurrency' | 'maxRetries' | 'maxRateLimitWait' | 'timeout';

export interface ExecutionOptionSpec extends NumericOptionSpec {
	readonly option: ExecutionOption;
}

/**
 * How the node runs its items. Not sent to the API. Defaults are what a user gets without
 * touching the option, so they are also the run-time fallbacks.
 */
export const EXECUTION_OPTIONS: readonly ExecutionOptionSpec[] = [
	{
		option: 'concurrency',
		displayName: 'Concurrency',
		description:
			"How many items are sent to Dataoorts at the same time, at most. When the account's rate limit (about 300 requests per minute) answers 429, every call using this credential slows down together and waits instead of failing; see Max Rate Limit Wait.",
		min: 1,
		max: 64,
		integer: true,
		uiDefault: 5,
		precision: 0,
	},
	{
		option: 'maxRetries',
		displayName: 'Max Retries',
		description:
			'How many times a failed request is retried on timeouts, server errors (5xx) and network errors, with exponential backoff. 0 means one attempt only. Rate-limit answers (429) do not count: see Max Rate Limit Wait.',
		min: 0,
		max: 10,
		integer: true,
		uiDefault: 3,
		precision: 0,
	},
	{
		option: 'maxRateLimitWait',
		displayName: 'Max Rate Limit Wait (Seconds)',
		description:
			'How long one item may wait in total, in seconds, while the account is rate limited (429): the item waits for room and is sent again, without spending Max Retries. A Retry-After longer than what is left fails the item at once. 0 fails an item at its first 429.',
		min: 0,
		max: 3600,
		integer: true,
		uiDefault: 300,
		precision: 0,
	},
	{
		option: 'timeout',
		displayName: 'Timeout (Ms)',
		description:
			'How long one attempt may take, in milliseconds, before it is abandoned (and retried). Long generations need minutes; the default is 10 minutes.',
		min: 1000,
		max: 3_600_000,
		integer: true,
		uiDefault: 600_000,
		precision: 0,
	},
];

/** Human-readable allowed range, used by both field descriptions and error messages. */
export function describeRange(spec: Pick<NumericOptionSpec, 'min' | 'max' | 'integer'>): string {
	const kind = spec.integer ? 'a whole number' : 'a number';
	return spec.max === undefined
		? `${kind} of at least ${spec.min}`
		: `${kind} from ${spec.min} to ${spec.max}`;
}
