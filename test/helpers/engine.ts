/**
 * Runs real workflows through n8n-core's WorkflowExecute, the engine n8n itself uses, with
 * the package's node and credential types loaded the way n8n loads them, and a credentials
 * helper that hands the node a Dataoorts credential.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	Workflow,
	type IConnections,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type IRun,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type StructuredChunk,
} from 'n8n-workflow';

import { TestCredentialsHelper } from './engine/credentials-helper';
import { INPUT_NODE_TYPE, NODE_TYPE, TestNodeTypes } from './engine/node-types';

export { NODE_TYPE, PARAMETER_READER_TYPE } from './engine/node-types';

export interface DataoortsNodeSettings {
	name?: string;
	/** Node type under test; the Dataoorts node unless a benchmark asks for its floor. */
	type?: string;
	parameters: INode['parameters'];
	onError?: INode['onError'];
	/** 1 unless set: most tests pin the version whose saved workflows must keep running. */
	typeVersion?: number;
}

export interface RunOptions {
	/** Items the start node emits. */
	items: IDataObject[];
	node: DataoortsNodeSettings;
	credential: { apiKey: string; baseUrl: string; allowInsecureHttp?: boolean };
	/** Called with the running execution, e.g. to cancel it. */
	onStarted?: (execution: { cancel: () => void }) => void;
	/**
	 * The execution streams (as under a Chat Trigger or a streaming Webhook): n8n's sendChunk
	 * hands every chunk here, as n8n's streaming response would write it.
	 */
	onChunk?: (chunk: StructuredChunk) => void;
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
		typeVersion: settings.typeVersion ?? 1,
		position: [200, 0],
		parameters: settings.parameters,
		credentials: { dataoortsApi: { id: 'cred-1', name: 'Dataoorts account' } },
		...(settings.onError ? { onError: settings.onError } : {}),
	};
}

/** The start node emitting the items, then the node under test. */
function buildWorkflow(options: RunOptions): { workflow: Workflow; data: IWorkflowBase } {
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
	const data = {
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
		id: data.id,
		name: data.name,
		nodes: data.nodes,
		connections,
		active: false,
		nodeTypes,
		settings: {},
	});
	return { workflow, data };
}

/** What n8n's server hands the engine; only the credentials helper and hooks are used. */
function additionalDataFor(
	options: RunOptions,
	data: IWorkflowBase,
): IWorkflowExecuteAdditionalData {
	const local = 'http://127.0.0.1:5678';
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', data);
	const { onChunk } = options;
	if (onChunk) hooks.addHandler('sendChunk', (chunk) => onChunk(chunk));
	return {
		credentialsHelper: new TestCredentialsHelper({ ...options.credential }),
		hooks,
		// What n8n sets for an execution whose response streams.
		streamingEnabled: onChunk !== undefined,
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used in these tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${local}/rest`,
		instanceBaseUrl: `${local}/`,
		formBaseUrl: `${local}/form`,
		formWaitingBaseUrl: `${local}/form-waiting`,
		formTestBaseUrl: `${local}/form-test`,
		webhookBaseUrl: `${local}/webhook`,
		webhookWaitingBaseUrl: `${local}/webhook-waiting`,
		webhookTestBaseUrl: `${local}/webhook-test`,
		mcpBaseUrl: `${local}/mcp`,
		mcpTestBaseUrl: `${local}/mcp-test`,
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('task runners are not used in these tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export async function runWorkflow(options: RunOptions): Promise<RunResult> {
	const { workflow, data } = buildWorkflow(options);
	const [inputNode, node] = data.nodes;
	const execution = new WorkflowExecute(additionalDataFor(options, data), 'manual').run({
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
