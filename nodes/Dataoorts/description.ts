import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

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
	system: { name: 'System', description: 'Instructions that set the model\'s behaviour' },
	user: { name: 'User', description: 'A message from the user' },
	assistant: { name: 'Assistant', description: 'An earlier answer of the model, for multi-turn context' },
};

export const nodeProperties: INodeProperties[] = [
	{
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
			'The Dataoorts model that answers. Choose from the list, or specify any model ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>; it is sent as is.',
	},
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
							'The text of the message. Map fields of the input item with expressions, e.g. {{ $json.question }}.',
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
		options: [...HYPERPARAMETERS, ...EXECUTION_OPTIONS]
			.map(numericOptionField)
			.sort((a, b) => a.displayName.localeCompare(b.displayName)),
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
	credentials: [{ name: 'dataoortsApi', required: true }],
	properties: nodeProperties,
};
