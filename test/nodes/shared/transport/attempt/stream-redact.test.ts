/** The key scrubbed out of a text handed on in pieces, wherever the pieces cut it. */
import {
	createRedactor,
	REDACTED,
	secretForms,
} from '../../../../../nodes/shared/transport/answer/redact';
import { PieceRedactor } from '../../../../../nodes/shared/transport/attempt/stream-redact';

const KEY = 'dk-live-SECRET-7f3a9c2e41b8d6f0';

/** What is handed on for `pieces`, piece by piece, and at the end. */
function handOn(pieces: string[], key = KEY): string[] {
	const scrub = new PieceRedactor(createRedactor(key), secretForms(key));
	return [...pieces.map((piece) => scrub.push(piece)), scrub.end()];
}

test('a key split across two pieces at every point never goes out, in part or whole', () => {
	const text = `before ${KEY} after`;
	for (let at = 0; at <= text.length; at++) {
		const out = handOn([text.slice(0, at), text.slice(at)]);
		expect(out.join('')).toBe(`before ${REDACTED} after`);
		// Nothing handed on before the end holds a start of the key longer than a coincidence.
		expect(out.slice(0, 2).join('')).not.toContain(KEY.slice(0, 8));
	}
});

test('a key cut into one-character pieces is still caught', () => {
	const text = `x${KEY}y${KEY}`;
	expect(handOn([...text]).join('')).toBe(`x${REDACTED}y${REDACTED}`);
});

test('the key in its JSON-escaped and URL-encoded forms is caught across pieces too', () => {
	const key = 'dk/live+"key"';
	const escaped = JSON.stringify(key).slice(1, -1);
	const encoded = encodeURIComponent(key);
	const text = `a ${escaped} b ${encoded} c`;
	for (let at = 0; at <= text.length; at++) {
		expect(handOn([text.slice(0, at), text.slice(at)], key).join('')).toBe(
			`a ${REDACTED} b ${REDACTED} c`,
		);
	}
});

test('text that only looks like the start of the key is held back, then handed on whole', () => {
	const out = handOn(['Hello dk-li', 've music']);
	expect(out).toEqual(['Hello ', 'dk-live music', '']);
});

test('ordinary text goes out at once, piece by piece', () => {
	expect(handOn(['Hel', 'lo ', 'there'])).toEqual(['Hel', 'lo ', 'there', '']);
	// A piece ending in the key's first character waits for the next one.
	expect(handOn(['worl', 'd', 's'])).toEqual(['worl', '', 'ds', '']);
});
