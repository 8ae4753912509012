/**
 * Server-Sent Events, parsed as the WHATWG spec says, from network chunks cut anywhere: lines end
 * in \r\n, \n or \r (a \r\n may be split across chunks); `data:` lines of one event are joined
 * with \n; comments (`:`) and other fields (event, id, retry) are skipped; an empty line ends an
 * event; a multi-byte character split across chunks is decoded whole; a leading BOM is dropped.
 */

export class SseParser {
	private readonly decoder = new TextDecoder('utf-8');
	/** The current line so far (no line ending yet). */
	private line = '';
	/** The data lines of the event being read; undefined when it has none. */
	private data: string[] | undefined;
	/** The previous chunk ended in \r: a \n starting the next one belongs to that line ending. */
	private afterCr = false;
	private started = false;

	/** The data of every event this chunk completes, in order. */
	push(chunk: Uint8Array): string[] {
		let text = this.decoder.decode(chunk, { stream: true });
		if (!this.started && text !== '') {
			this.started = true;
			if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
		}
		return this.feed(text);
	}

	/** The stream ended: an event without its closing empty line is dropped, as the spec says. */
	end(): string[] {
		const events = this.feed(this.decoder.decode());
		this.line = '';
		this.data = undefined;
		return events;
	}

	private feed(text: string): string[] {
		const events: string[] = [];
		let from = 0;
		if (this.afterCr && text.startsWith('\n')) from = 1;
		this.afterCr = false;
		for (let at = from; at < text.length; at++) {
			const char = text.charCodeAt(at);
			if (char !== 10 && char !== 13) continue;
			this.line += text.slice(from, at);
			this.takeLine(events);
			if (char === 13) {
				if (at + 1 === text.length) this.afterCr = true;
				else if (text.charCodeAt(at + 1) === 10) at++;
			}
			from = at + 1;
		}
		this.line += text.slice(from);
		return events;
	}

	private takeLine(events: string[]): void {
		const line = this.line;
		this.line = '';
		if (line === '') {
			if (this.data !== undefined) events.push(this.data.join('\n'));
			this.data = undefined;
			return;
		}
		const colon = line.indexOf(':');
		if (colon === 0) return; // a comment, e.g. a keep-alive
		const field = colon === -1 ? line : line.slice(0, colon);
		if (field !== 'data') return;
		let value = colon === -1 ? '' : line.slice(colon + 1);
		if (value.startsWith(' ')) value = value.slice(1);
		(this.data ??= []).push(value);
	}
}
