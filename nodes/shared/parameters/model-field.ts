/**
 * The model field both nodes show. Version 1 (saved workflows): a list of the catalog, any other id
 * by expression. Version 2: a resource locator, From List (searchable catalog) or By ID, as n8n's
 * own LLM nodes have it; saved as `{ __rl: true, mode: 'list' | 'id', value: '<model id>' }`.
 */
import type { ILoadOptionsFunctions, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import { DEFAULT_MODEL, TEXT_MODELS, type CatalogModel } from '../catalog';

/** One line a user compares models by: context window, images, price. */
function summary(model: CatalogModel): string {
	const context = `${model.contextWindow.toLocaleString('en-US')}-token context`;
	const price = `$${model.inputPricePerMillion} in / $${model.outputPricePerMillion} out per million tokens`;
	return `${context}${model.vision ? ', accepts images' : ''}; ${price}`;
}

const modelListField: INodeProperties = {
	displayName: 'Model',
	name: 'model',
	type: 'options',
	default: DEFAULT_MODEL,
	required: true,
	options: TEXT_MODELS.map((model) => ({
		name: model.id,
		value: model.id,
		description: summary(model),
	})),
	description:
		'The Dataoorts model that answers. Choose from the list, or specify any model ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	displayOptions: { show: { '@version': [1] } },
};

const modelLocatorField: INodeProperties = {
	displayName: 'Model',
	name: 'model',
	type: 'resourceLocator',
	default: { mode: 'list', value: DEFAULT_MODEL },
	required: true,
	description: 'The Dataoorts model that answers',
	// A search that finds nothing shows an empty list: this says where any other model is.
	hint: 'Not in the list (a newer model, or a search that finds nothing)? Choose By ID and enter any Dataoorts model ID.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchModels', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. google/gemma-3-12b-it',
			hint: 'Any Dataoorts model ID, also one newer than this list',
		},
	],
	displayOptions: { show: { '@version': [2, 3] } },
};

/** Both versions' model fields: n8n shows the one of the node's version. */
export const modelFields: INodeProperties[] = [modelListField, modelLocatorField];

/**
 * The From List search: the catalog, filtered by id, each entry with its context and price. When
 * nothing matches, one entry points to By ID: n8n's open list covers the field's hint with "No
 * results". Picking it uses the typed text as the model ID, as By ID would.
 */
export async function searchModels(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const typed = (filter ?? '').trim();
	const results = TEXT_MODELS.filter((model) =>
		model.id.toLowerCase().includes(typed.toLowerCase()),
	).map((model) => ({ name: `${model.id} (${summary(model)})`, value: model.id }));
	if (results.length > 0) return { results };
	return {
		results: [
			{ name: `No catalog model matches "${typed}": use By ID for any model ID`, value: typed },
		],
	};
}
