/** Llama Guard 3's verdict, read from its documented answer, or null for anything else. */
import { parseModeration } from '../../../nodes/shared/moderation';

test.each([
	['\n\nsafe', { safe: true, categories: [] }],
	['  SAFE  ', { safe: true, categories: [] }],
	['\n\nunsafe\nS2', { safe: false, categories: [{ code: 'S2', name: 'Non-Violent Crimes' }] }],
	[
		'\n\nunsafe\ns1, S10',
		{
			safe: false,
			categories: [
				{ code: 'S1', name: 'Violent Crimes' },
				{ code: 'S10', name: 'Hate' },
			],
		},
	],
	[
		'unsafe\nS11\nS14',
		{
			safe: false,
			categories: [
				{ code: 'S11', name: 'Suicide & Self-Harm' },
				{ code: 'S14', name: 'Code Interpreter Abuse' },
			],
		},
	],
	['unsafe', { safe: false, categories: [] }],
])('%j is a verdict', (text, verdict) => {
	expect(parseModeration(text)).toEqual(verdict);
});

test.each([
	['an unknown category', 'unsafe\nS15'],
	['a known and an unknown category', 'unsafe\nS1,X9'],
	['safe with categories', 'safe\nS1'],
	['prose', 'I think this is fine.'],
	['empty', ''],
])('%s: null', (_label, text) => {
	expect(parseModeration(text)).toBeNull();
});

test('text that is not a string, or too long to be a verdict: null', () => {
	expect(parseModeration(undefined)).toBeNull();
	expect(parseModeration({ verdict: 'safe' })).toBeNull();
	expect(parseModeration(`safe${' '.repeat(1000)}`)).toBeNull();
	expect(parseModeration(`safe${' '.repeat(990)}`)).toEqual({ safe: true, categories: [] });
});
