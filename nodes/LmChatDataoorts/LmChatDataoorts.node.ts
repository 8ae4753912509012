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
import { DATAOORTS_ICON, MODEL_SUBTITLE, NODE_VERSIONS } from '../shared/node-identity';
import type * as AiNodeSdk from '@n8n/ai-node-sdk';

import { connectionFromCredentials, type DataoortsCredentialData } from '../shared/connection';
import { testDataoortsCredential } from '../shared/credential-test';
import { N8nTooOldError } from '../shared/errors/errors';
import { toNodeError } from '../shared/errors/to-node-error';
import { checkModel } from '../shared/parameters/check';
import { searchModels, textModelFields } from '../shared/parameters/model-field';
import type * as ChatModelModule from './DataoortsChatModel';
import { chatModelOptionsField, checkChatModelOptions } from './options';

/** First n8n release that ships @n8n/ai-node-sdk (0.7.0). */
export const MIN_N8N_VERSION = '2.16.0';

function isMissingSdk(error: unknown): boolean {
	const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
	return code === 'MODULE_NOT_FOUND' && String(message).includes('@n8n/ai-node-sdk');
}

/**
 * The SDK (n8n's own copy, found through n8n's NODE_PATH) and the model class, loaded on first use.
 * Any failure to load them is this node's NodeOperationError: a missing SDK says which n8n is needed.
 */
async function loadAiModules(context: ISupplyDataFunctions): Promise<{
	sdk: typeof AiNodeSdk;
	model: typeof ChatModelModule;
}> {
	try {
		// import() compiles to a require() here, at the first call, not when n8n loads this file.
		const sdk = await import('@n8n/ai-node-sdk');
		const model = await import('./DataoortsChatModel');
		return { sdk, model };
	} catch (error) {
		if (isMissingSdk(error)) {
			const tooOld = new N8nTooOldError(
				`The Dataoorts Chat Model needs n8n ${MIN_N8N_VERSION} or newer`,
				MIN_N8N_VERSION,
				error,
			);
			throw toNodeError(context.getNode(), tooOld, 0);
		}
		throw new NodeOperationError(
			context.getNode(),
			error instanceof Error ? error : String(error),
			{
				description: 'The Dataoorts Chat Model could not load its modules.',
			},
		);
	}
}

export class LmChatDataoorts implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Dataoorts Chat Model',
		name: 'lmChatDataoorts',
		icon: DATAOORTS_ICON,
		group: ['transform'],
		...NODE_VERSIONS,
		subtitle: MODEL_SUBTITLE,
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
		// testedBy names methods.credentialTest.dataoortsApiTest (written out: n8n's lint reads it).
		credentials: [{ name: 'dataoortsApi', required: true, testedBy: 'dataoortsApiTest' }],
		properties: [
			{
				// The n8n version it needs is in the node's description and in the error on older n8n.
				displayName:
					'Connect this node to the Chat Model input of a Basic LLM Chain or an AI Agent',
				name: 'notice',
				type: 'notice',
				default: '',
				// n8n's own sub-nodes' class: the editor hides the notice once the output is connected.
				typeOptions: { containerClass: 'ndv-connection-hint-notice' },
			},
			...textModelFields,
			chatModelOptionsField,
		],
	};

	methods = {
		listSearch: { searchModels },
		credentialTest: { dataoortsApiTest: testDataoortsCredential },
	};

	async supplyData(this: ISupplyDataFunctions, itemIndex: number): Promise<SupplyData> {
		const { sdk, model } = await loadAiModules(this);
		const node = this.getNode();
		let modelId: string;
		let options: ReturnType<typeof checkChatModelOptions>;
		try {
			modelId = checkModel(this.getNodeParameter('model', itemIndex, '', { extractValue: true }));
			options = checkChatModelOptions(
				this.getNodeParameter('options', itemIndex, {}) as IDataObject,
			);
		} catch (error) {
			throw toNodeError(node, error, itemIndex);
		}
		const connection = connectionFromCredentials(
			await this.getCredentials<DataoortsCredentialData>('dataoortsApi'),
		);
		const chatModel = new model.DataoortsChatModel(
			modelId,
			connection,
			// The logger is not enumerable: serialising the model never prints n8n's logger.
			Object.defineProperty(
				{
					timeoutMs: options.timeoutMs,
					maxRetries: options.maxRetries,
					maxRateLimitWaitMs: options.maxRateLimitWaitMs,
					node,
					itemIndex,
				},
				'logger',
				{ value: this.logger, enumerable: false },
			),
			options.hyperparameters,
		);
		return sdk.supplyModel(this, chatModel);
	}
}
