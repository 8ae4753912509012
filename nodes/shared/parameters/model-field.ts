/** The model field both nodes show: the catalog as a list; any other id by expression. */
import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_MODEL, TEXT_MODELS } from '../catalog';

export const modelProperty: INodeProperties = {
	displayName: 'Model',
	name: 'model',
	type: 'options',
	default: DEFAULT_MODEL,
	required: true,
	options: TEXT_MODELS.map((model) => ({
		name: model.id,
		value: model.id,
		description: `Context window ${model.contextWindow.toLocaleString('en-US')} tokens${model.vision ? '; accepts images' : ''}`,
	})),
	description:
		'The Dataoorts model that answers. Choose from the list, or specify any model ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>; it is sent as is.',
};
