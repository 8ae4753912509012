/** Generate an Image nodes for engine tests, and the loopback server's PNG. */
import type { IBinaryData, INodeParameters } from 'n8n-workflow';

export const makePng = (
	require('../server/images.js') as { makePng: (seed?: number, totalBytes?: number) => Buffer }
).makePng;

/** A version 3 Dataoorts node generating an image with `model` (From List). */
export function imageNode(model: string, options: INodeParameters = {}, prompt = 'a red fox') {
	return {
		typeVersion: 3,
		parameters: {
			resource: 'image',
			operation: 'generate',
			model: { __rl: true, mode: 'list', value: model },
			prompt,
			options,
		},
	};
}

/** The bytes n8n stored for a binary field (memory mode: base64 in the item). */
export function bytesOf(binary: IBinaryData): Buffer {
	return Buffer.from(binary.data, 'base64');
}
