/**
 * The chat model's "Options" collection and its run-time check, both taken from the package's
 * single parameter table (nodes/shared/parameters): every documented hyperparameter, plus the
 * timeout, retry and rate-limit wait settings of the transport. Concurrency is not offered: the chain or agent
 * decides how many calls it makes.
 *
 * No @n8n/ai-node-sdk here: this module is loaded with the node file, also on n8n 1.x.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { checkOptions, type CheckedOptions } from '../shared/parameters/check';
import { optionsCollection } from '../shared/parameters/fields';
import { EXECUTION_OPTIONS, HYPERPARAMETERS } from '../shared/parameters/table';

export const chatModelOptionsField: INodeProperties = optionsCollection([
	...HYPERPARAMETERS,
	...EXECUTION_OPTIONS.filter((spec) => spec.option !== 'concurrency'),
]);

export interface ChatModelOptions {
	/** Only the hyperparameters the user set, by option name (maxTokens, topP, …). */
	hyperparameters: CheckedOptions['hyperparameters'];
	/** Time limit of one attempt, in ms (documented default when unset). */
	timeoutMs: number;
	/** Retries after the first attempt (documented default when unset). */
	maxRetries: number;
	/** Longest total wait of one call on the account's rate limit, in ms. */
	maxRateLimitWaitMs: number;
}

/**
 * Checks the options against the table with the Dataoorts node's own check: values given by
 * expression bypass the editor's range checks. Throws ParameterValidationError.
 */
export function checkChatModelOptions(options: IDataObject): ChatModelOptions {
	const { hyperparameters, execution } = checkOptions(options);
	return {
		hyperparameters,
		timeoutMs: execution.timeout,
		maxRetries: execution.maxRetries,
		maxRateLimitWaitMs: execution.maxRateLimitWait * 1000,
	};
}
