/**
 * The key scrubbed out of a text that arrives in pieces: a key split across two pieces is still
 * caught, because whatever could be the start of one of its forms is held back until the next
 * piece (or the end) decides it.
 */
import type { Redactor } from '../answer/redact';

export class PieceRedactor {
	private held = '';

	/**
	 * @param forms every form the key can take in text (redact.ts); none when there is no key.
	 */
	constructor(
		private readonly redactor: Redactor,
		private readonly forms: readonly string[],
	) {}

	/** What of `piece` (and what was held back) can be handed on now, scrubbed. */
	push(piece: string): string {
		const text = this.redactor.text(this.held + piece);
		const keep = this.possibleStart(text);
		this.held = text.slice(text.length - keep);
		return text.slice(0, text.length - keep);
	}

	/** The end of the text: what was held back was not a key after all. */
	end(): string {
		const rest = this.held;
		this.held = '';
		return rest;
	}

	/** Length of the longest end of `text` that is a proper start of a form of the key. */
	private possibleStart(text: string): number {
		let longest = 0;
		for (const form of this.forms) {
			for (let length = Math.min(form.length - 1, text.length); length > longest; length--) {
				if (text.endsWith(form.slice(0, length))) {
					longest = length;
					break;
				}
			}
		}
		return longest;
	}
}
