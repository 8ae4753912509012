import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { DATAOORTS_ICON, MODEL_SUBTITLE } from '../shared/node-identity';
import { nodeProperties } from './properties';
import { route } from './router';

export class Dataoorts implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Dataoorts',
		name: 'dataoorts',
		icon: DATAOORTS_ICON,
		group: ['transform'],
		version: 1,
		subtitle: MODEL_SUBTITLE,
		description: 'Chat with Dataoorts serverless LLMs (Gemma, Llama, Qwen, DeepSeek)',
		defaults: { name: 'Dataoorts' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dataoortsApi', required: true }],
		// Lets n8n's AI Agent call the node as a tool; parameters can be filled with $fromAI().
		usableAsTool: true,
		properties: nodeProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
