/**
 * The SSE parser on every framing the spec allows, fed the same stream cut every possible way:
 * whole, in 1-byte chunks, and split at each byte (a \r\n, a key, a multi-byte character).
 */
import { SseParser } from '../../../../../nodes/shared/transport/attempt/sse';

/** All events of `bytes` fed as the given chunks, then the end. */
function parse(chunks: Uint8Array[]): string[] {
	const parser = new SseParser();
	return [...chunks.flatMap((chunk) => parser.push(chunk)), ...parser.end()];
}

const bytes = (text: string) => Buffer.from(text, 'utf8');

/** Every byte on its own. */
function oneByte(text: string): Uint8Array[] {
	return [...bytes(text)].map((byte) => Uint8Array.of(byte));
}

/** Each way of cutting the stream in two. */
function everySplit(text: string): Uint8Array[][] {
	const all = bytes(text);
	return Array.from({ length: all.length + 1 }, (_, at) => [all.subarray(0, at), all.subarray(at)]);
}

function expectEveryCut(text: string, events: string[]) {
	expect(parse([bytes(text)])).toEqual(events);
	expect(parse(oneByte(text))).toEqual(events);
	for (const chunks of everySplit(text)) expect(parse(chunks)).toEqual(events);
}

test.each([
	['\\n', '\n'],
	['\\r\\n', '\r\n'],
	['\\r', '\r'],
])('events ended by %s lines, however the stream is cut', (_name, eol) => {
	const text = `data: {"response":"Hel"}${eol}${eol}data: {"response":"lo"}${eol}${eol}data: [DONE]${eol}${eol}`;
	expectEveryCut(text, ['{"response":"Hel"}', '{"response":"lo"}', '[DONE]']);
});

test('mixed line endings in one stream; a \\r\\n is one line ending, not two', () => {
	expectEveryCut('data: a\r\n\r\ndata: b\n\ndata: c\r\rdata: d\r\n\n', ['a', 'b', 'c', 'd']);
});

test('data lines of one event are joined with \\n; one space after the colon is dropped', () => {
	expectEveryCut('data: {"response":\ndata:  "x"}\ndata\n\n', ['{"response":\n "x"}\n']);
});

test('comments, other fields and blank events are skipped', () => {
	const text =
		': keep-alive\n\nevent: message\nid: 7\nretry: 100\ndata: one\n: in between\n\n\n\nfoo: bar\n\n';
	expectEveryCut(text, ['one']);
});

test('an event without its closing blank line is dropped at the end, as the spec says', () => {
	expectEveryCut('data: whole\n\ndata: cut', ['whole']);
});

test('a multi-byte character split across chunks is decoded whole; a leading BOM is dropped', () => {
	const text = '\uFEFFdata: {"response":"héllo 世界 🙂"}\n\n';
	expectEveryCut(text, ['{"response":"héllo 世界 🙂"}']);
});

test('a key split across two chunks comes out whole in its event (the redactor sees it whole)', () => {
	const key = 'dk-live-SECRET-7f3a9c2e41b8d6f0';
	const text = `data: {"response":"${key}"}\n\n`;
	for (const chunks of everySplit(text)) expect(parse(chunks)).toEqual([`{"response":"${key}"}`]);
});
