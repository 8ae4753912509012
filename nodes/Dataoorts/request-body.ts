import { HYPERPARAMETERS } from './parameters';
import type { ChatMessage, ItemParameters } from './validation';

/** The documented request body: `{ model, data: { messages, <snake_case hyperparameters> } }`. */
export interface ChatRequestBody {
	model: string;
	data: { messages: ChatMessage[] } & Record<string, unknown>;
}

/** Only the hyperparameters the user set are sent, under their documented API names. */
export function buildRequestBody(parameters: Pick<ItemParameters, 'model' | 'messages' | 'hyperparameters'>): ChatRequestBody {
	const data: ChatRequestBody['data'] = { messages: parameters.messages };
	for (const spec of HYPERPARAMETERS) {
		const value = parameters.hyperparameters[spec.option];
		if (value !== undefined) data[spec.apiName] = value;
	}
	return { model: parameters.model, data };
}
