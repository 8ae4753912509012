/**
 * The Dataoorts node's parameters (the UI fields), built from the parameter table; the model list and
 * the numeric option fields are shared with the Dataoorts Chat Model.
 */
import type { INodeProperties } from 'n8n-workflow';

import { TEXT_MODELS } from '../shared/catalog';
import { MAX_IMAGE_BYTES } from '../shared/images';
import { modelFields } from '../shared/parameters/model-field';
import { optionsCollection } from '../shared/parameters/fields';
import { EXECUTION_OPTIONS, HYPERPARAMETERS, PRICE_OPTIONS } from '../shared/parameters/table';
import { imageProperties } from './image/properties';
import { resourceFields } from './resource-fields';
import { listOutputFields } from './output-fields';
import { MESSAGE_ROLES } from './validation';

const REASONING_MODELS = TEXT_MODELS.filter((model) => model.reasoning).map((model) => model.id);

const ROLE_LABELS: Record<(typeof MESSAGE_ROLES)[number], { name: string; description: string }> = {
	system: { name: 'System', description: "Instructions that set the model's behaviour" },
	user: { name: 'User', description: 'A message from the user' },
	assistant: {
		name: 'Assistant',
		description: 'An earlier answer of the model, for multi-turn context',
	},
};

/** A valid starting point, so the field never opens with an error. */
const JSON_SCHEMA_EXAMPLE = JSON.stringify(
	{ type: 'object', properties: { title: { type: 'string' } }, required: ['title'] },
	null,
	2,
);

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
					'Ask the model for JSON and parse the reply (also inside a Markdown code fence) into the output field "data"',
			},
		],
		description:
			'Whether to ask for JSON and parse it into the output field "data", so the next node can map its keys',
	},
	{
		displayName: 'JSON Schema',
		name: 'jsonSchema',
		type: 'json',
		default: JSON_SCHEMA_EXAMPLE,
		description:
			'The schema the reply should follow, sent as guided_json. Whether it is enforced depends on the model supporting guided JSON (Dataoorts does not document it); the reply is parsed either way.',
		displayOptions: { show: { responseFormat: ['json'] } },
	},
	{
		displayName: 'Reasoning',
		name: 'reasoning',
		type: 'options',
		default: 'separate',
		options: [
			{
				name: 'Separate',
				value: 'separate',
				description: 'The answer in "response", the thoughts in "reasoning"',
			},
			{
				name: 'Keep',
				value: 'keep',
				description: 'The raw text in "response", thoughts and &lt;/think&gt; included',
			},
			{ name: 'Drop', value: 'drop', description: 'The answer in "response", thoughts left out' },
		],
		description: `What "response" holds when a reasoning model (${REASONING_MODELS.join(', ')}) or any answer gives its thoughts before &lt;/think&gt;. Unset: Separate in node version 3, Keep in versions 1 and 2.`,
	},
	{
		displayName: 'Image Binary Properties',
		name: 'imageBinaryProperties',
		type: 'string',
		default: '',
		placeholder: 'e.g. data, photo',
		hint: 'The names of binary properties of the input item, as the previous node calls them',
		description: `Binary properties of the input item that hold images (PNG, JPEG, WebP or GIF, at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB each), separated by commas. They are sent with the last user message, for models that accept images: ${TEXT_MODELS.filter(
			(model) => model.vision,
		)
			.map((model) => model.id)
			.join(', ')}.`,
	},
	{
		displayName: 'Stream to Chat',
		name: 'streamToChat',
		type: 'boolean',
		default: true,
		description:
			'Whether to send the answer to the chat as Dataoorts writes it, when the workflow streams (a Chat Trigger, or a Webhook with Response Mode Streaming). The output item is the same either way; JSON mode never streams.',
	},
];

/** Text fields: shown in versions 1–2 (no Resource) and for Resource Text. */
const TEXT_ONLY = { hide: { resource: ['image'] } };

export const nodeProperties: INodeProperties[] = [
	...resourceFields,
	...modelFields,
	...imageProperties,
	{
		displayName: 'Messages',
		name: 'messages',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Message',
		default: { values: [{ role: 'user', content: '' }] },
		displayOptions: TEXT_ONLY,
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
						required: true,
						placeholder: 'e.g. Summarise this review in one sentence',
						hint: 'To put an input field in, drag it here, or switch to Expression and write e.g. {{ $json.review }}',
						description:
							'The text of the message. Map fields of the input item into it with expressions (in Fixed mode {{ }} is sent as typed); as an AI Agent tool, let the agent fill it with {{ $fromAI("prompt", "The question to ask the model", "string") }}.',
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
		displayOptions: TEXT_ONLY,
		description: `Whether to return only ${listOutputFields()} instead of the whole API answer (reasoning and moderation only for models that give them)`,
	},
	{
		...optionsCollection(
			[...HYPERPARAMETERS, ...EXECUTION_OPTIONS, ...PRICE_OPTIONS],
			featureOptions,
		),
		displayOptions: TEXT_ONLY,
	},
];
