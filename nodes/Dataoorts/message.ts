/**
 * Message a Model for one item: its checked parameters and images → the request body → the shared
 * transport (streaming its pieces to the chat when the execution streams) → the output item.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { DataoortsConnection } from '../shared/connection';
import { sendChatRequest } from '../shared/transport';
import type { OpenItemStream } from './chat-stream';
import { readImages } from './images';
import { toOutputJson } from './output-item';
import { buildRequestBody } from './request-body';
import { readItemParameters } from './validation';

export async function messageModel(
	context: IExecuteFunctions,
	itemIndex: number,
	connection: DataoortsConnection,
	signal: AbortSignal,
	openStream: OpenItemStream | undefined,
): Promise<INodeExecutionData> {
	const parameters = readItemParameters(context, itemIndex);
	const images = await readImages(context, itemIndex, parameters.imageProperties, parameters.model);
	// JSON mode never streams: its reply is only usable whole.
	const stream =
		parameters.streamToChat && parameters.responseFormat !== 'json'
			? openStream?.(itemIndex, parameters.model, parameters.reasoning)
			: undefined;
	try {
		const answer = await sendChatRequest({
			connection,
			body: buildRequestBody(parameters, images),
			timeoutMs: parameters.execution.timeout,
			maxRetries: parameters.execution.maxRetries,
			maxRateLimitWaitMs: parameters.execution.maxRateLimitWait * 1000,
			signal,
			structuredResponse: parameters.responseFormat === 'json',
			logger: context.logger,
			onPiece: stream?.onPiece,
		});
		return { json: toOutputJson(answer, parameters), pairedItem: { item: itemIndex } };
	} finally {
		stream?.end();
	}
}
