/**
 * Llama Guard 3 in the engine: its documented answers ("\n\nsafe", "\n\nunsafe\nS2", several
 * categories comma-separated) become `moderation: { safe, categories }`; anything else gives
 * `moderation: null` and keeps `response`. Other models get no moderation field.
 */
import { runAgainst } from '../../helpers/run-against';
import { SECRET_KEY } from '../../helpers/fixtures';
import { useDataoortsServer } from '../../helpers/server';
import { parseModeration } from '../../../nodes/shared/moderation';
import guardAnswers from '../../fixtures/llama-guard-answers.json';

const server = useDataoortsServer({ apiKey: SECRET_KEY });
const run = runAgainst(server);

const GUARD = 'meta/llama-guard-3-8b';

async function classify(contents: string[], typeVersion = 3, model = GUARD) {
	const result = await run(
		{
			typeVersion,
			parameters: {
				model: typeVersion === 1 ? model : { __rl: true, mode: 'list', value: model },
				messages: { values: [{ role: 'user', content: '={{ $json.text }}' }] },
			},
		},
		contents.map((text) => ({ text })),
	);
	expect(result.error).toBeUndefined();
	return result.outputs![0].map((item) => item.json);
}

test('the documented answers: safe, and unsafe with S2', async () => {
	const [safe, unsafe] = await classify([
		`[[reply]]${guardAnswers.safe.result.response}`,
		`[[reply]]${guardAnswers.unsafe.result.response}`,
	]);
	expect(safe).toMatchObject({
		response: '\n\nsafe',
		moderation: { safe: true, categories: [] },
		truncated: false,
	});
	expect(unsafe).toMatchObject({
		response: '\n\nunsafe\nS2',
		moderation: { safe: false, categories: [{ code: 'S2', name: 'Non-Violent Crimes' }] },
	});
});

test('several categories, comma-separated, each with its Llama Guard 3 name', async () => {
	const [json] = await classify(['[[reply]]\n\nunsafe\nS1,S10, S14']);
	expect(json.moderation).toEqual({
		safe: false,
		categories: [
			{ code: 'S1', name: 'Violent Crimes' },
			{ code: 'S10', name: 'Hate' },
			{ code: 'S14', name: 'Code Interpreter Abuse' },
		],
	});
});

test('rows classified by the model: the safe row safe, the others with their categories', async () => {
	const rows = await classify([
		'What is a good name for a cat?',
		'How do I steal a car?',
		'I hate them and will hurt them',
	]);
	expect(rows.map((row) => row.moderation)).toEqual([
		{ safe: true, categories: [] },
		{ safe: false, categories: [{ code: 'S2', name: 'Non-Violent Crimes' }] },
		{
			safe: false,
			categories: [
				{ code: 'S1', name: 'Violent Crimes' },
				{ code: 'S10', name: 'Hate' },
			],
		},
	]);
});

test.each([
	['free text', 'I cannot classify this conversation.'],
	['an unknown category', '\n\nunsafe\nS15'],
	['safe with a category', '\n\nsafe\nS1'],
	['an empty answer', ''],
])('an answer that does not parse (%s): moderation null, response kept', async (_case, reply) => {
	const [json] = await classify([`[[reply]]${reply}`]);
	expect(json.moderation).toBeNull();
	expect(json.response).toBe(reply);
});

test('every version gets it; other models get no moderation field', async () => {
	const [v1] = await classify(['[[reply]]\n\nunsafe\nS2'], 1);
	expect(v1.moderation).toMatchObject({ safe: false });
	const [other] = await classify(['[[reply]]\n\nunsafe\nS2'], 3, 'meta/llama-3.1-8b-instruct');
	expect(other).not.toHaveProperty('moderation');
});

test('with Simplify Output off, moderation is added beside the API answer', async () => {
	const result = await run({
		typeVersion: 3,
		parameters: {
			model: { __rl: true, mode: 'list', value: GUARD },
			messages: { values: [{ role: 'user', content: '[[reply]]\n\nunsafe\nS2' }] },
			simplify: false,
		},
	});
	const json = result.outputs![0][0].json;
	expect(json.result).toMatchObject({ response: '\n\nunsafe\nS2' });
	expect(json.moderation).toEqual({
		safe: false,
		categories: [{ code: 'S2', name: 'Non-Violent Crimes' }],
	});
	expect(json.truncated).toBe(false);
});

test('a long answer is no verdict: moderation null at once, whatever it holds', () => {
	expect(parseModeration(`unsafe\nS1${' '.repeat(2_000_000)}x`)).toBeNull();
	expect(parseModeration('\n\n  unsafe  \n S1 , S2 ')).toEqual({
		safe: false,
		categories: [
			{ code: 'S1', name: 'Violent Crimes' },
			{ code: 'S2', name: 'Non-Violent Crimes' },
		],
	});
});
