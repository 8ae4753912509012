/**
 * The model field both nodes show. Version 1 (saved workflows): a list of the catalog, any other id
 * by expression. Version 2 on: a resource locator, From List (searchable catalog) or By ID, as n8n's
 * own LLM nodes have it; saved as `{ __rl: true, mode: 'list' | 'id', value: '<model id>' }`.
 * Version 3's Image resource has its own locator, listing the image models.
 */
import type { ILoadOptionsFunctions, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import {
	DEFAULT_IMAGE_MODEL,
	DEFAULT_MODEL,
	IMAGE_MODELS,
	TEXT_MODELS,
	type CatalogModel,
	type ImageModel,
} from '../catalog';

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

/** A model resource locator: From List (the search method's) or By ID. */
function modelLocator(
	searchListMethod: string,
	value: string,
	description: string,
	displayOptions: INodeProperties['displayOptions'],
): INodeProperties {
	return {
		displayName: 'Model',
		name: 'model',
		type: 'resourceLocator',
		default: { mode: 'list', value },
		required: true,
		description,
		// A search that finds nothing shows an empty list: this says where any other model is.
		hint: 'Not in the list (a newer model, or a search that finds nothing)? Choose By ID and enter any Dataoorts model ID.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${value}`,
				hint: 'Any Dataoorts model ID, also one newer than this list',
			},
		],
		displayOptions,
	};
}

const TEXT_VERSIONS = { '@version': [{ _cnd: { gte: 2 } }] };

const textLocator = (displayOptions: INodeProperties['displayOptions']) =>
	modelLocator('searchModels', DEFAULT_MODEL, 'The Dataoorts model that answers', displayOptions);

/**
 * The Chat Model's model fields: n8n shows the one of the node's version. No condition on
 * `resource`, which the Chat Model does not have: n8n 1.x refuses to run a node whose fields
 * depend on a parameter it lacks ("Could not resolve parameter dependencies").
 */
export const textModelFields: INodeProperties[] = [
	modelListField,
	textLocator({ show: TEXT_VERSIONS }),
];

/** The Dataoorts node's: the text fields (hidden for Resource Image), and version 3's image picker. */
export const modelFields: INodeProperties[] = [
	modelListField,
	textLocator({ show: TEXT_VERSIONS, hide: { resource: ['image'] } }),
	modelLocator(
		'searchImageModels',
		DEFAULT_IMAGE_MODEL,
		'The Dataoorts model that draws the image',
		{
			show: { ...TEXT_VERSIONS, resource: ['image'] },
		},
	),
];

/**
 * A From List search over `models`, filtered by id, each entry with its summary. When nothing
 * matches, one entry points to By ID: n8n's open list covers the field's hint with "No results".
 * Picking it uses the typed text as the model ID, as By ID would.
 */
function searchIn<Model extends { id: string }>(
	models: readonly Model[],
	describe: (model: Model) => string,
	filter?: string,
): INodeListSearchResult {
	const typed = (filter ?? '').trim();
	const results = models
		.filter((model) => model.id.toLowerCase().includes(typed.toLowerCase()))
		.map((model) => ({ name: `${model.id} (${describe(model)})`, value: model.id }));
	if (results.length > 0) return { results };
	return {
		results: [
			{ name: `No catalog model matches "${typed}": use By ID for any model ID`, value: typed },
		],
	};
}

/** The text picker's From List search: the text models, each with its context and price. */
export async function searchModels(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return searchIn(TEXT_MODELS, summary, filter);
}

/** An image model's line in its picker: its price per image. */
export function imageSummary(model: ImageModel): string {
	return `$${model.pricePerImage} per image`;
}

/** The image picker's From List search: the image models, each with its price per image. */
export async function searchImageModels(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return searchIn(IMAGE_MODELS, imageSummary, filter);
}
