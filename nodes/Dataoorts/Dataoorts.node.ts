import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { testDataoortsCredential } from '../shared/credential-test';
import { DATAOORTS_ICON, NODE_VERSIONS, OPERATION_SUBTITLE } from '../shared/node-identity';
import { searchImageModels, searchModels } from '../shared/parameters/model-field';
import { nodeProperties } from './properties';
import { runItems } from './run-items';

export class Dataoorts implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Dataoorts',
		name: 'dataoorts',
		icon: DATAOORTS_ICON,
		group: ['transform'],
		...NODE_VERSIONS,
		subtitle: OPERATION_SUBTITLE,
		description:
			'Chat with Dataoorts serverless LLMs (Gemma, Llama, Qwen, DeepSeek) and generate images (FLUX, Stable Diffusion XL)',
		defaults: { name: 'Dataoorts' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// testedBy names methods.credentialTest.dataoortsApiTest (written out: n8n's lint reads it).
		credentials: [{ name: 'dataoortsApi', required: true, testedBy: 'dataoortsApiTest' }],
		// Lets n8n's AI Agent call the node as a tool; parameters can be filled with $fromAI().
		usableAsTool: true,
		properties: nodeProperties,
	};

	methods = {
		listSearch: { searchModels, searchImageModels },
		// The credential's Test button (the credentials entry above names it in `testedBy`).
		credentialTest: { dataoortsApiTest: testDataoortsCredential },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runItems.call(this);
	}
}
