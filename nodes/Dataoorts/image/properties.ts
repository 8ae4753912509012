/**
 * Generate an Image's fields (node version 3, Resource: Image): the prompt and the options, built
 * from the image option table; the model field is in shared/parameters/model-field.ts.
 */
import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection, numericOptionField } from '../../shared/parameters/fields';
import { IMAGE_OPTIONS, type ImageOptionRow } from '../../shared/parameters/image-table';
import { EXECUTION_OPTIONS } from '../../shared/parameters/table';

const SHOW = { show: { resource: ['image'], operation: ['generate'] } };

function optionField(row: ImageOptionRow): INodeProperties {
	if (row.kind === 'image-number') return numericOptionField(row);
	const { displayName, option: name, uiDefault, placeholder, description } = row;
	return { displayName, name, type: 'string', default: uiDefault, placeholder, description };
}

export const imageProperties: INodeProperties[] = [
	{
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder: 'e.g. A lighthouse on a cliff at dawn, oil painting',
		description:
			'What the image should show. flux-1-schnell takes 2 to 2048 characters, the other models at least 2. Map a field of the input item with an expression.',
		displayOptions: SHOW,
	},
	{
		...optionsCollection(EXECUTION_OPTIONS, IMAGE_OPTIONS.map(optionField)),
		displayOptions: SHOW,
	},
];
