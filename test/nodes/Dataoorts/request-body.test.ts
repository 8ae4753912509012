import { buildRequestBody } from '../../../nodes/Dataoorts/request-body';
import { SEED_REQUEST } from '../../helpers/fixtures';

test('maps every hyperparameter to its documented snake_case name under data', () => {
	const body = buildRequestBody({
		model: 'google/gemma-3-12b-it',
		messages: [{ role: 'user', content: 'Hi' }],
		hyperparameters: {
			maxTokens: 10,
			temperature: 0.2,
			topP: 0.5,
			topK: 7,
			seed: 42,
			repetitionPenalty: 1.1,
			frequencyPenalty: 0.3,
			presencePenalty: 0.4,
		},
	});
	expect(body).toEqual({
		model: 'google/gemma-3-12b-it',
		data: {
			messages: [{ role: 'user', content: 'Hi' }],
			max_tokens: 10,
			temperature: 0.2,
			top_p: 0.5,
			top_k: 7,
			seed: 42,
			repetition_penalty: 1.1,
			frequency_penalty: 0.3,
			presence_penalty: 0.4,
		},
	});
});

test('the seed example maps to the seed payload, and unset options are left out', () => {
	const messages = SEED_REQUEST.data.messages as Array<{
		role: 'system' | 'user';
		content: string;
	}>;
	expect(
		buildRequestBody({
			model: SEED_REQUEST.model,
			messages,
			hyperparameters: { temperature: 0.1, topP: 0.9, topK: 40, maxTokens: 512 },
		}),
	).toEqual(SEED_REQUEST);
	expect(buildRequestBody({ model: 'm/x', messages, hyperparameters: {} }).data).toEqual({
		messages,
	});
});

test('images join the last user message after its text, or come as a user message of their own', () => {
	const image = { type: 'image_url' as const, image_url: { url: 'data:image/png;base64,AAAA' } };
	const parameters = { model: 'google/gemma-3-12b-it', hyperparameters: {} };
	expect(
		buildRequestBody(
			{
				...parameters,
				messages: [
					{ role: 'user', content: 'first' },
					{ role: 'assistant', content: 'ok' },
					{ role: 'user', content: 'look' },
				],
			},
			[image],
		).data.messages,
	).toEqual([
		{ role: 'user', content: 'first' },
		{ role: 'assistant', content: 'ok' },
		{ role: 'user', content: [{ type: 'text', text: 'look' }, image] },
	]);
	expect(
		buildRequestBody(
			{ ...parameters, messages: [{ role: 'system', content: 'Describe images.' }] },
			[image],
		).data.messages,
	).toEqual([
		{ role: 'system', content: 'Describe images.' },
		{ role: 'user', content: [image] },
	]);
});
