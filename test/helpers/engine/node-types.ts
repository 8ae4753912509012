/**
 * The node types test workflows run: the Dataoorts node as n8n loads it, a start node that emits
 * given items, and a parameter reader (the engine's own per-item floor, for the benchmark).
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';

import { Dataoorts } from '../../../nodes/Dataoorts/Dataoorts.node';

export const NODE_TYPE = 'n8n-nodes-dataoorts.dataoorts';
export const INPUT_NODE_TYPE = 'test.inputItems';
export const PARAMETER_READER_TYPE = 'test.parameterReader';

/**
 * Base64 data that items' binary properties may name as `"data": "$shared:<key>"`, so that hundreds
 * of large images (the image-memory benchmark) need no parameter of gigabytes.
 */
export const sharedBinaryData = new Map<string, string>();

type Binary = NonNullable<INodeExecutionData['binary']>;

function binaryOf($binary: Binary): Binary {
	const entries = Object.entries($binary).map(([name, data]) => {
		const shared = /^\$shared:(.+)$/.exec(data.data)?.[1];
		return [name, shared === undefined ? data : { ...data, data: sharedBinaryData.get(shared)! }];
	});
	return Object.fromEntries(entries) as Binary;
}

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
				$binary === undefined ? { json } : { json, binary: binaryOf($binary as Binary) },
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

export class TestNodeTypes implements INodeTypes {
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
