import type { IDataObject } from 'n8n-workflow';

import type { DataoortsSuccessBody } from './transport';

/** The simplified output item: what the next node maps, e.g. `{{ $json.response }}`. */
export interface SimplifiedOutput extends IDataObject {
	response: IDataObject[keyof IDataObject];
	usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
	tool_calls: IDataObject[];
	model: string;
}

function count(value: unknown): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

export function simplifyAnswer(answer: DataoortsSuccessBody, model: string): SimplifiedOutput {
	const { result } = answer;
	const usage = result.usage ?? {};
	return {
		response: (result.response ?? '') as SimplifiedOutput['response'],
		usage: {
			prompt_tokens: count(usage.prompt_tokens),
			completion_tokens: count(usage.completion_tokens),
			total_tokens: count(usage.total_tokens),
		},
		tool_calls: (Array.isArray(result.tool_calls) ? result.tool_calls : []) as IDataObject[],
		// The API does not echo the model, so the item records the one that was asked for.
		model,
	};
}

/** Output JSON of one item: simplified, or the API's whole answer when simplify is off. */
export function toOutputJson(answer: DataoortsSuccessBody, options: { simplify: boolean; model: string }): IDataObject {
	return options.simplify ? simplifyAnswer(answer, options.model) : (answer as IDataObject);
}
