/**
 * The Dataoorts Chat Model as n8n's chains and agents get it: supplyData() with the context n8n
 * hands a sub-node (parameters, the credential, the tracing hooks), for a loopback server.
 */
import type { IDataObject, INode, ISupplyDataFunctions } from 'n8n-workflow';

import { LmChatDataoorts } from '../../nodes/LmChatDataoorts/LmChatDataoorts.node';
import { SECRET_KEY, testNode } from './fixtures';

const NODE: INode = testNode({
	id: 'c0ffee00-0000-4000-8000-000000000001',
	name: 'Dataoorts Chat Model',
	type: 'n8n-nodes-dataoorts.lmChatDataoorts',
	typeVersion: 1,
});

export interface Recorded {
	inputs: unknown[];
	outputs: unknown[];
	events: Array<{ event: string; data?: string }>;
}

export function chatModelHarness(baseUrl: () => string) {
	/** What n8n hands supplyData(): node parameters, the credential, and the tracing hooks. */
	function supplyContext(
		parameters: IDataObject,
		credential: IDataObject = {},
	): { context: ISupplyDataFunctions; recorded: Recorded } {
		const recorded: Recorded = { inputs: [], outputs: [], events: [] };
		const context = {
			getNode: () => NODE,
			getCredentials: async (type: string) => {
				if (type !== 'dataoortsApi') throw new Error(`unexpected credential type ${type}`);
				return { apiKey: SECRET_KEY, baseUrl: baseUrl(), ...credential };
			},
			// As n8n does: `extractValue` turns a resource locator into its value.
			getNodeParameter: (
				name: string,
				_itemIndex: number,
				fallback?: unknown,
				options?: { extractValue?: boolean },
			) => {
				const value = name in parameters ? parameters[name] : fallback;
				const locator = value as { __rl?: boolean; value?: unknown } | undefined;
				return options?.extractValue && locator?.__rl ? locator.value : value;
			},
			addInputData: (_type: string, data: unknown) => {
				recorded.inputs.push(data);
				return { index: recorded.inputs.length - 1 };
			},
			addOutputData: (_type: string, _index: number, data: unknown) => {
				recorded.outputs.push(data);
			},
			getNextRunIndex: () => recorded.inputs.length,
			logAiEvent: (event: string, data?: string) => {
				recorded.events.push({ event, data });
			},
			setMetadata: () => {},
			logger: { debug() {}, info() {}, warn() {}, error() {} },
			helpers: {},
		};
		return { context: context as unknown as ISupplyDataFunctions, recorded };
	}

	/** The LangChain chat model n8n's chain or agent gets from the sub-node. */
	async function supplyModel(parameters: IDataObject = {}, credential: IDataObject = {}) {
		const { context, recorded } = supplyContext(
			{ model: 'meta/llama-3.1-8b-instruct', ...parameters },
			credential,
		);
		const supplied = await new LmChatDataoorts().supplyData.call(context, 0);
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		return { model: supplied.response as any, recorded };
	}

	return { supplyContext, supplyModel };
}
