import { hyperparameterFields } from '../shared/parameters/api-fields';
import type { ChatRequestBody, ImageContentPart, WireMessage } from '../shared/wire';
import type { ChatMessage, ItemParameters } from './validation';

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
function withImages(messages: ChatMessage[], images: ImageContentPart[]): WireMessage[] {
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
