/**
 * One item's Generate an Image parameters, checked before anything is sent: every option against
 * its row (image-table.ts), and, for a catalog model, against what its page says it takes. A model
 * given By ID gets what the user set, unchecked against the catalog.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { IMAGE_INPUTS, imageModel, type ImageInput, type ImageModel } from '../../shared/catalog';
import { ParameterValidationError } from '../../shared/errors/errors';
import { formatValue } from '../../shared/format';
import {
	checkExecutionOptions,
	checkModel,
	checkNumericOption,
	type CheckedOptions,
} from '../../shared/parameters/check';
import {
	IMAGE_OPTIONS,
	imageOptionName,
	type ImageOptionRow,
} from '../../shared/parameters/image-table';

export interface ImageParameters {
	model: string;
	/** The catalog's row for the model, when it lists it. */
	listed?: ImageModel;
	prompt: string;
	/** The image inputs the user set, checked. */
	inputs: Partial<Record<ImageInput, number | string>>;
	pricePerImage?: number;
	binaryPropertyOutput: string;
	execution: CheckedOptions['execution'];
}

const MIN_PROMPT_LENGTH = 2;

function checkPrompt(value: unknown, listed: ImageModel | undefined): string {
	const prompt = typeof value === 'number' ? String(value) : value;
	if (typeof prompt !== 'string' || prompt.trim() === '') {
		throw new ParameterValidationError(
			'prompt',
			`Prompt is empty: got ${formatValue(value)}; describe the image to generate`,
		);
	}
	// Characters as a reader counts them (code points), not UTF-16 units.
	const length = [...prompt].length;
	if (listed !== undefined && length < MIN_PROMPT_LENGTH) {
		throw new ParameterValidationError(
			'prompt',
			`Prompt is too short: got ${formatValue(prompt)}, ${listed.id} takes at least ${MIN_PROMPT_LENGTH} characters`,
		);
	}
	if (listed?.maxPromptLength !== undefined && length > listed.maxPromptLength) {
		throw new ParameterValidationError(
			'prompt',
			`Prompt is ${length} characters long, over the ${listed.maxPromptLength} characters ${listed.id} takes`,
		);
	}
	return prompt;
}

/** "Prompt, Steps and Seed": what a catalog model takes, in the panel's words. */
function takes(listed: ImageModel): string {
	const names = ['Prompt', ...listed.inputs.map(imageOptionName)];
	return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function checkText(row: ImageOptionRow, value: unknown): string {
	if (typeof value === 'string' || typeof value === 'number') return String(value).trim();
	throw new ParameterValidationError(
		`options.${row.option}`,
		`${row.displayName} must be text: got ${formatValue(value)}`,
	);
}

/** One set option, checked against its row and the catalog model; undefined when left empty. */
function checkImageOption(
	row: ImageOptionRow,
	value: unknown,
	listed: ImageModel | undefined,
): number | string | undefined {
	const checked =
		row.kind === 'image-number' ? checkNumericOption(row, value) : checkText(row, value);
	if (checked === '') return undefined;
	const input = row.option as ImageInput;
	if (listed === undefined || !IMAGE_INPUTS.includes(input)) return checked;
	if (!listed.inputs.includes(input)) {
		throw new ParameterValidationError(
			`options.${row.option}`,
			`${row.displayName} is not an input of ${listed.id}, which takes ${takes(listed)}: remove the option, or choose a model that takes it`,
		);
	}
	if (input === 'steps' && (checked as number) > listed.steps.max) {
		throw new ParameterValidationError(
			'options.steps',
			`Steps is out of range for ${listed.id}: got ${formatValue(value)}, allowed is a whole number from 1 to ${listed.steps.max}`,
		);
	}
	return checked;
}

/** Reads one item's parameters (expressions resolved by n8n) and checks them. */
export function readImageParameters(
	context: IExecuteFunctions,
	itemIndex: number,
): ImageParameters {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const model = checkModel(
		context.getNodeParameter('model', itemIndex, '', { extractValue: true }),
	);
	const listed = imageModel(model);
	const prompt = checkPrompt(context.getNodeParameter('prompt', itemIndex, ''), listed);
	const values: Record<string, number | string> = {};
	for (const row of IMAGE_OPTIONS) {
		if (options[row.option] === undefined) continue;
		const value = checkImageOption(row, options[row.option], listed);
		if (value !== undefined) values[row.option] = value;
	}
	const { pricePerImage, binaryPropertyOutput, ...inputs } = values;
	return {
		model,
		listed,
		prompt,
		inputs,
		pricePerImage: pricePerImage as number | undefined,
		binaryPropertyOutput: (binaryPropertyOutput as string | undefined) ?? 'data',
		execution: checkExecutionOptions(options),
	};
}
