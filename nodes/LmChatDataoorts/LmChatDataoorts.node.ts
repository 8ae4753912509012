import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeType,
	type INodeTypeDescription,
	type ISupplyDataFunctions,
	type SupplyData,
} from 'n8n-workflow';

// Types only: tsc erases these imports, so loading this file never loads the SDK. n8n before
// 2.16.0 has no @n8n/ai-node-sdk, and one node file that fails to load takes the whole package
// (the Dataoorts node too) down with it.
import type * as AiNodeSdk from '@n8n/ai-node-sdk';

import type { DataoortsCredentialData } from '../../credentials/DataoortsApi.credentials';
import { modelProperty } from '../Dataoorts/description';
import { toNodeError } from '../Dataoorts/node-error';
import { checkModel } from '../Dataoorts/validation';
import type * as ChatModelModule from './DataoortsChatModel';
import { chatModelOptionsField, checkChatModelOptions } from './options';

/** First n8n release that ships @n8n/ai-node-sdk (0.7.0). */
export const MIN_N8N_VERSION = '2.16.0';

function isMissingSdk(error: unknown): boolean {
	const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
	return code === 'MODULE_NOT_FOUND' && String(message).includes('@n8n/ai-node-sdk');
}

/** The SDK (n8n's own copy, found through n8n's NODE_PATH) and the model class, loaded on first use. */
function loadAiModules(context: ISupplyDataFunctions): {
	sdk: typeof AiNodeSdk;
	model: typeof ChatModelModule;
} {
	try {
		/* eslint-disable @typescript-eslint/no-require-imports */
		const sdk = require('@n8n/ai-node-sdk') as typeof AiNodeSdk;
		const model = require('./DataoortsChatModel') as typeof ChatModelModule;
		/* eslint-enable @typescript-eslint/no-require-imports */
		return { sdk, model };
	} catch (error) {
		if (!isMissingSdk(error)) throw error;
		throw new NodeOperationError(
			context.getNode(),
			`The Dataoorts Chat Model needs n8n ${MIN_N8N_VERSION} or newer`,
			{
				description: `This n8n does not provide @n8n/ai-node-sdk, which AI sub-nodes of community packages need. Update n8n to ${MIN_N8N_VERSION} or newer; until then, use the Dataoorts node, which works on this version.`,
			},
		);
	}
}

export class LmChatDataoorts implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Dataoorts Chat Model',
		name: 'lmChatDataoorts',
		icon: 'file:dataoorts.svg',
		group: ['transform'],
		version: 1,
		description: `Dataoorts serverless LLMs for the Basic LLM Chain and the AI Agent (n8n ${MIN_N8N_VERSION} or newer)`,
		defaults: { name: 'Dataoorts Chat Model' },
		codex: {
			categories: ['AI'],
			subcategories: {
				AI: ['Language Models', 'Root Nodes'],
				'Language Models': ['Chat Models (Recommended)'],
			},
			resources: { primaryDocumentation: [{ url: 'https://cloud.dataoorts.com/ai' }] },
			alias: ['LLM', 'Gemma', 'Llama', 'Qwen', 'DeepSeek', 'Chat Model'],
		},
		inputs: [],
		outputs: [NodeConnectionTypes.AiLanguageModel],
		outputNames: ['Model'],
		credentials: [{ name: 'dataoortsApi', required: true }],
		properties: [
			{
				displayName: `Connect this node to a Basic LLM Chain or an AI Agent (Chat Model input). It needs n8n ${MIN_N8N_VERSION} or newer; on older n8n, use the Dataoorts node.`,
				name: 'notice',
				type: 'notice',
				default: '',
			},
			modelProperty,
			chatModelOptionsField,
		],
	};

	async supplyData(this: ISupplyDataFunctions, itemIndex: number): Promise<SupplyData> {
		const { sdk, model } = loadAiModules(this);
		const node = this.getNode();
		let modelId: string;
		let options: ReturnType<typeof checkChatModelOptions>;
		try {
			modelId = checkModel(this.getNodeParameter('model', itemIndex));
			options = checkChatModelOptions(
				this.getNodeParameter('options', itemIndex, {}) as IDataObject,
			);
		} catch (error) {
			throw toNodeError(node, error, itemIndex);
		}
		const credentials = await this.getCredentials<DataoortsCredentialData>('dataoortsApi');
		const chatModel = new model.DataoortsChatModel(
			modelId,
			{
				baseUrl: credentials.baseUrl,
				apiKey: credentials.apiKey,
				allowInsecureHttp: credentials.allowInsecureHttp === true,
				timeoutMs: options.timeoutMs,
				maxRetries: options.maxRetries,
				maxRateLimitWaitMs: options.maxRateLimitWaitMs,
				logger: this.logger,
				node,
				itemIndex,
			},
			options.hyperparameters,
		);
		return sdk.supplyModel(this, chatModel);
	}
}
