import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { CREDENTIAL_TEST_NAME } from './credential-test';
import { MAX_IMAGE_BYTES } from './images';
import { DEFAULT_MODEL, TEXT_MODELS } from './models';
import {
	EXECUTION_OPTIONS,
	HYPERPARAMETERS,
	describeRange,
	type NumericOptionSpec,
} from './parameters';
import { MESSAGE_ROLES } from './validation';

/** One UI field from one row of the parameter table: the same bounds the run-time check uses. */
export function numericOptionField(spec: NumericOptionSpec): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.option,
		type: 'number',
		default: spec.uiDefault,
		description: `${spec.description} Allowed: ${describeRange(spec)}.`,
		typeOptions: {
			minValue: spec.min,
			...(spec.max === undefined ? {} : { maxValue: spec.max }),
			numberPrecision: spec.precision,
		},
	};
}

const ROLE_LABELS: Record<(typeof MESSAGE_ROLES)[number], { name: string; description: string }> = {
	system: { name: 'System', description: "Instructions that set the model's behaviour" },
	user: { name: 'User', description: 'A message from the user' },
	assistant: {
		name: 'Assistant',
		description: 'An earlier answer of the model, for multi-turn context',
	},
};

/** The model list, shared with the Dataoorts Chat Model. */
export const modelProperty: INodeProperties = {
	displayName: 'Model',
	name: 'model',
	type: 'options',
	default: DEFAULT_MODEL,
	required: true,
	options: TEXT_MODELS.map((model) => ({
		name: model.id,
		value: model.id,
		description: `Context window ${model.contextWindow.toLocaleString('en-US')} tokens${model.vision ? '; accepts images' : ''}`,
	})),
	description:
		'The Dataoorts model that answers. Choose from the list, or specify any model ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>; outer spaces are trimmed, and an ID with spaces or characters no model ID has is refused.',
};

/** Options beyond the numeric table: JSON output and images (optional upstream features). */
const featureOptions: INodeProperties[] = [
	{
		displayName: 'Response Format',
		name: 'responseFormat',
		type: 'options',
		default: 'text',
		options: [
			{ name: 'Text', value: 'text', description: 'The reply as text in "response"' },
			{
				name: 'JSON',
				value: 'json',
				description:
					'Ask the model for JSON and parse the reply (also inside a ```json fence) into the output field "data"',
			},
		],
		description:
			'Whether to ask for JSON and parse it, so the next node can map {{ $json.data.<key> }}',
	},
	{
		displayName: 'JSON Schema',
		name: 'jsonSchema',
		type: 'json',
		default: '',
		placeholder:
			'{ "type": "object", "properties": { "title": { "type": "string" } }, "required": ["title"] }',
		description: `Only with Response Format JSON: the schema the reply should follow, sent as guided_json. Whether it is enforced depends on the model supporting guided JSON (Dataoorts does not document it); the reply is parsed either way.`,
	},
	{
		displayName: 'Image Binary Properties',
		name: 'imageBinaryProperties',
		type: 'string',
		default: 'data',
		placeholder: 'data, photo',
		description: `Binary properties of the input item that hold images (PNG, JPEG, WebP or GIF, at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB each), separated by commas. They are sent with the last user message, for models that accept images: ${TEXT_MODELS.filter(
			(model) => model.vision,
		)
			.map((model) => model.id)
			.join(', ')}.`,
	},
];

export const nodeProperties: INodeProperties[] = [
	modelProperty,
	{
		displayName: 'Messages',
		name: 'messages',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Message',
		default: { values: [{ role: 'user', content: '' }] },
		description: 'The conversation sent to the model, in order. At least one message with content.',
		options: [
			{
				displayName: 'Message',
				name: 'values',
				values: [
					{
						displayName: 'Role',
						name: 'role',
						type: 'options',
						default: 'user',
						options: MESSAGE_ROLES.map((role) => ({ value: role, ...ROLE_LABELS[role] })),
						description: 'Who says this message: system, user or assistant',
					},
					{
						displayName: 'Content',
						name: 'content',
						type: 'string',
						typeOptions: { rows: 4 },
						default: '',
						description:
							'The text of the message. Map fields of the input item with expressions, e.g. {{ $json.question }}; as an AI Agent tool, let the agent fill it with {{ $fromAI("prompt", "The question to ask the model", "string") }}.',
					},
				],
			},
		],
	},
	{
		displayName: 'Simplify Output',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return only response, usage, tool_calls and model instead of the whole API answer',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...[...HYPERPARAMETERS, ...EXECUTION_OPTIONS].map(numericOptionField),
			...featureOptions,
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const nodeDescription: INodeTypeDescription = {
	displayName: 'Dataoorts',
	name: 'dataoorts',
	icon: 'file:dataoorts.svg',
	group: ['transform'],
	version: 1,
	subtitle: '={{ $parameter["model"] }}',
	description: 'Chat with Dataoorts serverless LLMs (Gemma, Llama, Qwen, DeepSeek)',
	defaults: { name: 'Dataoorts' },
	inputs: ['main'],
	outputs: ['main'],
	credentials: [{ name: 'dataoortsApi', required: true, testedBy: CREDENTIAL_TEST_NAME }],
	// Lets n8n's AI Agent call the node as a tool; parameters can be filled with $fromAI().
	usableAsTool: true,
	properties: nodeProperties,
};
