import type { ImageContentPart } from './images';
import { HYPERPARAMETERS, type HyperparameterOption } from './parameters';
import type { ChatMessage, ItemParameters } from './validation';

export type ContentPart = { type: 'text'; text: string } | ImageContentPart;

/** A message as sent: text, or text and images as content parts. */
export interface RequestMessage {
	role: ChatMessage['role'];
	content: string | ContentPart[];
}

/** The documented request body: `{ model, data: { messages, <snake_case hyperparameters> } }`. */
export interface ChatRequestBody {
	model: string;
	data: { messages: RequestMessage[] } & Record<string, unknown>;
}

/** The hyperparameters that are set (numbers), under their documented API names, in table order. */
export function hyperparameterFields(
	values: Partial<Record<HyperparameterOption, unknown>>,
): Record<string, number> {
	const fields: Record<string, number> = {};
	for (const spec of HYPERPARAMETERS) {
		const value = values[spec.option];
		if (typeof value === 'number') fields[spec.apiName] = value;
	}
	return fields;
}

/** Added to the system prompt in JSON mode: Dataoorts documents no response-format switch. */
export const JSON_INSTRUCTION =
	'Reply with one valid JSON value only: no prose before or after it, no code fences.';

function withJsonInstruction(messages: ChatMessage[]): ChatMessage[] {
	const index = messages.findIndex((message) => message.role === 'system');
	if (index === -1) return [{ role: 'system', content: JSON_INSTRUCTION }, ...messages];
	return messages.map((message, position) =>
		position === index
			? { ...message, content: `${message.content}\n\n${JSON_INSTRUCTION}` }
			: message,
	);
}

/** Images go with the last user message, after its text; without one, in a user message of their own. */
function withImages(messages: ChatMessage[], images: ImageContentPart[]): RequestMessage[] {
	if (images.length === 0) return messages;
	const last = messages.map((message) => message.role).lastIndexOf('user');
	if (last === -1) return [...messages, { role: 'user', content: images }];
	return messages.map((message, position) =>
		position === last
			? { role: message.role, content: [{ type: 'text', text: message.content }, ...images] }
			: message,
	);
}

/**
 * Only the hyperparameters the user set are sent, under their documented API names. JSON mode
 * adds an instruction and, with a schema, `guided_json`; images become content parts.
 */
export function buildRequestBody(
	parameters: Pick<ItemParameters, 'model' | 'messages' | 'hyperparameters'> &
		Partial<Pick<ItemParameters, 'responseFormat' | 'jsonSchema'>>,
	images: ImageContentPart[] = [],
): ChatRequestBody {
	const json = parameters.responseFormat === 'json';
	const messages = withImages(
		json ? withJsonInstruction(parameters.messages) : parameters.messages,
		images,
	);
	const data: ChatRequestBody['data'] = {
		messages,
		...hyperparameterFields(parameters.hyperparameters),
	};
	if (json && parameters.jsonSchema !== undefined) data.guided_json = parameters.jsonSchema;
	return { model: parameters.model, data };
}
