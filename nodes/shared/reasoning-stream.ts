/**
 * A reasoning model's answer split while it streams: the thoughts before `</think>` (with or
 * without an opening `<think>`) as reasoning, the answer after it (leading blank lines trimmed) as
 * text. Whatever could be the start of a tag is held back until the next piece decides it.
 *
 * The incremental form of reasoning.ts's split, with what a stream cannot undo: it splits on the
 * first `</think>`, not the last; and a model that is not a catalog reasoning model is read as
 * thinking only when its answer opens with `<think>` (its text is otherwise handed on as it comes).
 * Thoughts never closed by `</think>` stay reasoning, with no answer, as in the whole-answer split.
 */
import { catalogModel } from './catalog';
import { THINK_CLOSE as CLOSE, THINK_OPEN as OPEN, trimLeadingBlankLines } from './reasoning';

export interface ReasoningPiece {
	kind: 'reasoning' | 'text';
	text: string;
}

/** A catalog model whose answers begin with its thoughts, closed by `</think>`. */
export function isReasoningModel(modelId: string): boolean {
	return catalogModel(modelId)?.reasoning ?? false;
}

/** Length of the longest end of `text` that is a proper start of `tag`. */
function partialTag(text: string, tag: string): number {
	for (let length = Math.min(tag.length - 1, text.length); length > 0; length--)
		if (text.endsWith(tag.slice(0, length))) return length;
	return 0;
}

export class ReasoningStream {
	private mode: 'opening' | 'thoughts' | 'answer-start' | 'answer';
	private pending = '';

	/** @param thinking the model begins its answers with thoughts (isReasoningModel). */
	constructor(private thinking: boolean) {
		this.mode = 'opening';
	}

	push(piece: string): ReasoningPiece[] {
		this.pending += piece;
		const out: ReasoningPiece[] = [];
		for (let step = this.step(out); step; step = this.step(out));
		return out;
	}

	end(): ReasoningPiece[] {
		const out: ReasoningPiece[] = [];
		const rest = this.pending;
		this.pending = '';
		if (this.mode === 'opening') this.emit(out, this.thinking ? 'reasoning' : 'text', rest);
		else if (this.mode === 'thoughts') this.emit(out, 'reasoning', rest);
		else if (this.mode === 'answer') this.emit(out, 'text', rest);
		return out;
	}

	/** One step of the state machine; false when it needs more text. */
	private step(out: ReasoningPiece[]): boolean {
		switch (this.mode) {
			case 'opening':
				return this.opening();
			case 'thoughts':
				return this.inThoughts(out);
			case 'answer-start':
				return this.answerStart();
			case 'answer':
				this.emit(out, 'text', this.pending);
				this.pending = '';
				return false;
		}
	}

	/** Before any text: an opening `<think>` (after blank space) is dropped and means thoughts. */
	private opening(): boolean {
		const start = this.pending.trimStart();
		if (start.startsWith(OPEN)) {
			this.pending = start.slice(OPEN.length);
			this.thinking = true;
			this.mode = 'thoughts';
			return true;
		}
		if (OPEN.startsWith(start)) return false; // blank, or the start of `<think>`: wait
		this.mode = this.thinking ? 'thoughts' : 'answer';
		return true;
	}

	private inThoughts(out: ReasoningPiece[]): boolean {
		const at = this.pending.indexOf(CLOSE);
		if (at === -1) {
			const keep = partialTag(this.pending, CLOSE);
			this.emit(out, 'reasoning', this.pending.slice(0, this.pending.length - keep));
			this.pending = this.pending.slice(this.pending.length - keep);
			return false;
		}
		this.emit(out, 'reasoning', this.pending.slice(0, at));
		this.pending = this.pending.slice(at + CLOSE.length);
		this.mode = 'answer-start';
		return true;
	}

	/** Leading blank lines of the answer are dropped; the indentation of its first line is kept. */
	private answerStart(): boolean {
		// Blank so far: the next piece decides whether it is a blank line or an indentation.
		if (this.pending.trim() === '') return false;
		this.pending = trimLeadingBlankLines(this.pending);
		this.mode = 'answer';
		return true;
	}

	private emit(out: ReasoningPiece[], kind: ReasoningPiece['kind'], text: string): void {
		if (text !== '') out.push({ kind, text });
	}
}
