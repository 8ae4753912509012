/**
 * Runs real workflows through n8n-core's WorkflowExecute, the engine n8n itself uses, with
 * the package's node and credential types loaded the way n8n loads them, and a credentials
 * helper that hands the node a Dataoorts credential.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	ICredentialsHelper,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IVersionedNodeType,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type IConnections,
} from 'n8n-workflow';

import { DataoortsApi } from '../../credentials/DataoortsApi.credentials';
import { Dataoorts } from '../../nodes/Dataoorts/Dataoorts.node';

export const NODE_TYPE = 'n8n-nodes-dataoorts.dataoorts';
export const INPUT_NODE_TYPE = 'test.inputItems';
export const PARAMETER_READER_TYPE = 'test.parameterReader';

/**
 * Start node of test workflows: outputs the items in its `items` parameter (a JSON array). An
 * item's `$binary` key becomes its binary data, kept in memory as n8n's default mode does:
 * `{ "$binary": { "photo": { "data": "<base64>", "mimeType": "image/png" } } }`.
 */
class InputItems implements INodeType {
	description = {
		displayName: 'Input Items',
		name: 'inputItems',
		group: ['input'],
		version: 1,
		description: 'Test start node',
		defaults: { name: 'Input Items' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		return [
			items.map(({ $binary, ...json }) =>
				$binary === undefined
					? { json }
					: { json, binary: $binary as INodeExecutionData['binary'] },
			),
		];
	}
}

/**
 * The engine's own per-item floor: the Dataoorts node's description, reading the same
 * parameters for every item as the node does, but sending nothing (benchmarks compare to it).
 */
class ParameterReader implements INodeType {
	description = { ...new Dataoorts().description, name: 'parameterReader' };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().map((_, itemIndex) => ({
				json: {
					model: this.getNodeParameter('model', itemIndex),
					messages: this.getNodeParameter('messages.values', itemIndex, []),
					options: this.getNodeParameter('options', itemIndex, {}),
				} as IDataObject,
				pairedItem: { item: itemIndex },
			})),
		];
	}
}

class TestNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType> = {
		[NODE_TYPE]: new Dataoorts(),
		[INPUT_NODE_TYPE]: new InputItems(),
		[PARAMETER_READER_TYPE]: new ParameterReader(),
	};

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(nodeType);
	}

	getByNameAndVersion(nodeType: string): INodeType {
		const type = this.types[nodeType];
		if (!type) throw new Error(`Unknown node type ${nodeType}`);
		return type;
	}

	getKnownTypes() {
		return {};
	}
}

/** Hands every node the one test credential, as n8n's CredentialsHelper would after decrypting. */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		_credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		requestOptions: IHttpRequestOptions,
	) {
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		_type: string,
	): Promise<ICredentials> {
		throw new Error('not used by the Dataoorts node');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		if (type !== new DataoortsApi().name) throw new Error(`No test credential of type ${type}`);
		return { ...this.data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(): INodeProperties[] {
		return new DataoortsApi().properties;
	}
}

export interface DataoortsNodeSettings {
	name?: string;
	/** Node type under test; the Dataoorts node unless a benchmark asks for its floor. */
	type?: string;
	parameters: INode['parameters'];
	onError?: INode['onError'];
}

export interface RunOptions {
	/** Items the start node emits. */
	items: IDataObject[];
	node: DataoortsNodeSettings;
	credential: { apiKey: string; baseUrl: string; allowInsecureHttp?: boolean };
	/** Called with the running execution, e.g. to cancel it. */
	onStarted?: (execution: { cancel: () => void }) => void;
}

export interface RunResult {
	run: IRun;
	/** The Dataoorts node's outputs (main[0], and main[1] for the error output), or undefined if it failed. */
	outputs: INodeExecutionData[][] | undefined;
	/** The node's error, if it stopped the workflow. */
	error: (Error & { description?: string; httpCode?: string; context?: IDataObject }) | undefined;
}

const nodeTypes = new TestNodeTypes();

export function dataoortsNode(settings: DataoortsNodeSettings): INode {
	return {
		id: 'dataoorts-node',
		name: settings.name ?? 'Dataoorts',
		type: settings.type ?? NODE_TYPE,
		typeVersion: 1,
		position: [200, 0],
		parameters: settings.parameters,
		credentials: { dataoortsApi: { id: 'cred-1', name: 'Dataoorts account' } },
		...(settings.onError ? { onError: settings.onError } : {}),
	};
}

export async function runWorkflow(options: RunOptions): Promise<RunResult> {
	const inputNode: INode = {
		id: 'input-node',
		name: 'Input',
		type: INPUT_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(options.items) },
	};
	const node = dataoortsNode(options.node);
	const connections: IConnections = {
		[inputNode.name]: { main: [[{ node: node.name, type: 'main', index: 0 }]] },
	};
	const workflowData: IWorkflowBase = {
		id: 'test-workflow',
		name: 'Dataoorts test',
		active: false,
		isArchived: false,
		nodes: [inputNode, node],
		connections,
		createdAt: new Date(),
		updatedAt: new Date(),
		settings: {},
	} as unknown as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes: workflowData.nodes,
		connections,
		active: false,
		nodeTypes,
		settings: {},
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflowData);
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper({ ...options.credential }),
		hooks,
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used in these tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('task runners are not used in these tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	const execution = new WorkflowExecute(additionalData, 'manual').run({
		workflow,
		startNode: inputNode,
	});
	options.onStarted?.({ cancel: () => execution.cancel() });
	const run = await execution;

	const taskData = run.data.resultData.runData[node.name]?.[0];
	const error = (run.data.resultData.error ?? taskData?.error) as RunResult['error'];
	const outputs = taskData?.data?.main?.map((output) => output ?? []);
	return { run, outputs, error };
}
