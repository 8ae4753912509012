/** Resource and Operation (node version 3), as n8n's OpenAI node has them. */
import type { INodeProperties } from 'n8n-workflow';

/** Version 3 on: what the node works with and does, as n8n's OpenAI node has it. */
const V3 = { '@version': [{ _cnd: { gte: 3 } }] };

export const resourceFields: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		default: 'text',
		options: [
			{ name: 'Text', value: 'text' },
			{ name: 'Image', value: 'image' },
		],
		displayOptions: { show: V3 },
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		default: 'message',
		options: [
			{
				name: 'Message a Model',
				value: 'message',
				action: 'Message a model',
				description: 'Send messages to a text model and get its answer',
			},
		],
		displayOptions: { show: { ...V3, resource: ['text'] } },
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		default: 'generate',
		options: [
			{
				name: 'Generate an Image',
				value: 'generate',
				action: 'Generate an image',
				description: 'Draw an image from a prompt, into a binary field',
			},
		],
		displayOptions: { show: { ...V3, resource: ['image'] } },
	},
];
