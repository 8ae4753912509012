/**
 * The reasoning split as a stream: thoughts before `</think>` as reasoning, the answer after it as
 * text, whatever the pieces cut (the tags included).
 */
import {
	isReasoningModel,
	ReasoningStream,
	type ReasoningPiece,
} from '../../../nodes/shared/reasoning-stream';
import { splitReasoning } from '../../../nodes/shared/reasoning';

/** The reasoning and the text handed on for `pieces`, and how many pieces each came in. */
function split(pieces: string[], thinking: boolean) {
	const stream = new ReasoningStream(thinking);
	const out: ReasoningPiece[] = [...pieces.flatMap((piece) => stream.push(piece)), ...stream.end()];
	const of = (kind: ReasoningPiece['kind']) =>
		out
			.filter((piece) => piece.kind === kind)
			.map((piece) => piece.text)
			.join('');
	return { reasoning: of('reasoning'), text: of('text'), out };
}

/** Every way of cutting `text` into two pieces, and into 1-character pieces. */
function everyCut(text: string): string[][] {
	return [
		[...text],
		...Array.from({ length: text.length + 1 }, (_, at) => [text.slice(0, at), text.slice(at)]),
	];
}

// The documented answer of deepseek-r1-distill-qwen-32b: thoughts, no opening tag, `</think>`.
const DOCUMENTED = 'Okay, so I need to explain it.\n</think>\n\nDeep learning is a subset of ML.';

test('the catalog reasoning models are known as such', () => {
	expect(isReasoningModel('deepseek-ai/deepseek-r1-distill-qwen-32b')).toBe(true);
	expect(isReasoningModel('qwen/qwq-32b')).toBe(true);
	expect(isReasoningModel('google/gemma-3-12b-it')).toBe(false);
});

test('a reasoning model: thoughts (no opening tag) as reasoning, the answer as text, however cut', () => {
	for (const pieces of everyCut(DOCUMENTED)) {
		const { reasoning, text } = split(pieces, true);
		expect(reasoning).toBe('Okay, so I need to explain it.\n');
		expect(text).toBe('Deep learning is a subset of ML.');
	}
});

test('an opening <think> is dropped, also from a model not known to reason', () => {
	const answer = '  <think>Hmm.</think>\n\n  Indented answer';
	for (const thinking of [true, false])
		for (const pieces of everyCut(answer)) {
			expect(split(pieces, thinking)).toMatchObject({
				reasoning: 'Hmm.',
				text: '  Indented answer',
			});
		}
});

const R = (text: string) => ({ kind: 'reasoning', text });
const T = (text: string) => ({ kind: 'text', text });

test.each([
	[
		'a model that does not reason: everything is text, as it arrives',
		false,
		['Hello', ' <b>world</b>', ' </thin'],
		[T('Hello'), T(' <b>world</b>'), T(' </thin')],
	],
	[
		'thoughts are handed on as they come, holding back only what could start </think>',
		true,
		['Let me think', ' about it </th', 'ink>Yes.'],
		[R('Let me think'), R(' about it '), T('Yes.')],
	],
])('%s', (_name, thinking, pieces, expected) => {
	expect(split(pieces, thinking).out).toEqual(expected);
});

test('thoughts cut off before </think>: all reasoning, no answer (as the whole-answer split)', () => {
	const pieces = ['Okay, so I need', ' to explain'];
	const { reasoning, text } = split(pieces, true);
	expect(reasoning).toBe('Okay, so I need to explain');
	expect(text).toBe('');
	const whole = splitReasoning(pieces.join(''), true)!;
	expect([whole.reasoning, whole.answer]).toEqual([reasoning, text]);
});

test('the documented answer splits as the whole-answer split does', () => {
	const whole = splitReasoning(DOCUMENTED, true)!;
	for (const pieces of everyCut(DOCUMENTED)) {
		const { reasoning, text } = split(pieces, true);
		expect([reasoning.trim(), text]).toEqual([whole.reasoning, whole.answer]);
	}
});

test('an answer of blank lines only after </think> is empty text', () => {
	expect(split(['thought</think>', '\n\n  \n'], true)).toMatchObject({ text: '' });
});
