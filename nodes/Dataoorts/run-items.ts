import type {
	IExecuteFunctions,
	INodeExecutionData,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { connectionFromCredentials, type DataoortsCredentialData } from '../shared/connection';
import { DataoortsAbortError } from '../shared/errors/errors';
import { toNodeError } from '../shared/errors/to-node-error';
import { checkNumericOption } from '../shared/parameters/check';
import { EXECUTION_OPTIONS, runDefault } from '../shared/parameters/table';
import { chatStreamOf } from './chat-stream';
import { mapInOrder } from './concurrency';
import { generateImage } from './image/generate';
import { messageModel } from './message';

const CONCURRENCY = EXECUTION_OPTIONS.find((spec) => spec.option === 'concurrency')!;

/**
 * How many items run at once: a node-level setting, so it is read from the first item. Unset, it
 * is the default of the node's version (5 in versions 1–2, 32 from 3).
 */
function readConcurrency(context: IExecuteFunctions): number {
	const fallback = runDefault(CONCURRENCY, context.getNode().typeVersion);
	const value = context.getNodeParameter('options.concurrency', 0, fallback);
	try {
		return checkNumericOption(CONCURRENCY, value);
	} catch (error) {
		throw toNodeError(context.getNode(), error, 0);
	}
}

/**
 * A continue-on-fail item, the way n8n's own nodes make it: `{ error: message }` in the item's
 * place. n8n routes exactly this shape to the error output under "continue (using error output)",
 * in 1.x and 2.x alike, and merges the failed input row into it there.
 */
function errorItem(
	error: NodeApiError | NodeOperationError,
	itemIndex: number,
): INodeExecutionData {
	return { json: { error: error.message }, pairedItem: { item: itemIndex } };
}

/**
 * Runs every input item through its operation, up to `concurrency` at a time: Message a Model
 * (message.ts) or Generate an Image (image/generate.ts). Output item i is always input item i's answer (or, with
 * continue-on-fail, its error), paired to it.
 */
export async function runItems(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	if (items.length === 0) return [[]];

	const connection = connectionFromCredentials(
		await this.getCredentials<DataoortsCredentialData>('dataoortsApi'),
	);
	const continueOnFail = this.continueOnFail();
	const node = this.getNode();

	// Stops in-flight requests when the workflow is stopped, or when one item fails the node.
	const stop = new AbortController();
	const cancelSignal = this.getExecutionCancelSignal?.();
	const onCancel = () => stop.abort(new DataoortsAbortError());
	if (cancelSignal?.aborted) onCancel();
	cancelSignal?.addEventListener('abort', onCancel, { once: true });

	const openStream = chatStreamOf(this);
	// Version 3's Resource; versions 1–2 have none and message a model.
	const generatesImages = this.getNodeParameter('resource', 0, 'text') === 'image';

	const runItem = async (itemIndex: number): Promise<INodeExecutionData> => {
		try {
			return generatesImages
				? await generateImage(this, itemIndex, connection, stop.signal)
				: await messageModel(this, itemIndex, connection, stop.signal, openStream);
		} catch (error) {
			const nodeError = toNodeError(node, error, itemIndex);
			if (continueOnFail && !stop.signal.aborted) {
				return errorItem(nodeError, itemIndex);
			}
			throw nodeError;
		}
	};

	try {
		const output = await mapInOrder(items.length, readConcurrency(this), runItem, stop.signal, () =>
			stop.abort(),
		);
		return [output];
	} finally {
		cancelSignal?.removeEventListener('abort', onCancel);
	}
}
