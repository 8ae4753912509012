import { TEXT_MODELS } from '../../../../nodes/shared/catalog';
import { ParameterValidationError } from '../../../../nodes/shared/errors/errors';
import { checkModel } from '../../../../nodes/shared/parameters/check';
import { MAX_MODEL_ID_LENGTH, modelIdProblem } from '../../../../nodes/shared/parameters/model-id';

test('every catalog id, and ids of other forms models have, are accepted', () => {
	for (const id of [
		...TEXT_MODELS.map((model) => model.id),
		'acme/brand-new-model',
		'@cf/meta/llama-3-8b-instruct',
		'mistral:7b-instruct',
		'qwen2.5',
		'x'.repeat(MAX_MODEL_ID_LENGTH),
	]) {
		expect(modelIdProblem(id)).toBeUndefined();
	}
});

test.each([
	['google/gemma 3', 'contains whitespace'],
	['google/gemma-3\u00a0it', 'contains whitespace'],
	['google/gemma\n3', 'contains a control character or line break'],
	['google/gemma\u00003', 'contains a control character or line break'],
	['../../admin?x=1#frag', 'contains "?", which a model ID cannot hold'],
	['../../admin', 'has an empty part'],
	['google//gemma', 'has an empty part'],
	['/google/gemma', 'has an empty part'],
	['google/', 'has an empty part'],
	['google/gémma', 'contains "é", which a model ID cannot hold'],
	['x'.repeat(100_000), 'is 100000 characters long, over the 200-character limit'],
])('%j: %s', (id, problem) => {
	expect(modelIdProblem(id)).toContain(problem);
});

describe('checkModel', () => {
	test('trims outer whitespace, also a trailing line break', () => {
		expect(checkModel('  qwen/qwq-32b\n')).toBe('qwen/qwq-32b');
	});

	test('a refused id names the field, the problem and a shortened value', () => {
		let error: unknown;
		try {
			checkModel(`acme/${'a'.repeat(100_000)}`);
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(ParameterValidationError);
		expect((error as ParameterValidationError).field).toBe('model');
		expect((error as Error).message).toMatch(
			/^Model is 100005 characters long, over the 200-character limit: got "acme\/a+…"; a model ID looks like "google\/gemma-3-12b-it"$/,
		);
		expect((error as Error).message.length).toBeLessThan(250);
	});
});
