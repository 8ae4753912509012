/**
 * `stream: true` is written into the encoded body as bytes (a body is encoded once), and taken
 * out again when the upstream refuses it; which 400s count as refusing it.
 */
import { DataoortsStatusError } from '../../../../../nodes/shared/errors/errors';
import {
	refusedStream,
	withoutStream,
	withStream,
} from '../../../../../nodes/shared/transport/attempt/stream-fallback';

const bodies = [
	{ model: 'google/gemma-3-12b-it', data: { messages: [{ role: 'user', content: 'hi' }] } },
	// Text that looks like the key it is looked up by, inside strings, changes nothing.
	{
		model: 'x/"data":{',
		data: { messages: [{ role: 'user', content: '"data":{"stream":true,' }], max_tokens: 5 },
	},
	{ model: 'a/b', data: {} },
];

test.each(bodies)('stream: true goes in data, and comes out again: %j', (body) => {
	const plain = JSON.stringify(body);
	const streamed = withStream(plain)!;
	expect(JSON.parse(streamed)).toEqual({ ...body, data: { stream: true, ...body.data } });
	expect(withoutStream(streamed)).toBe(plain);
	// A body encoded as bytes (with images) is edited the same way.
	const bytes = Buffer.from(plain);
	expect(withStream(bytes)!.toString()).toBe(streamed);
	expect(withoutStream(withStream(bytes)!).equals(bytes)).toBe(true);
});

test('a body without a data object is not asked to stream', () => {
	expect(withStream(JSON.stringify({ model: 'a/b', data: 'x' }))).toBeUndefined();
	expect(withStream('[]')).toBeUndefined();
});

test.each([
	[400, "Type mismatch of '/stream', unknown property", true],
	[400, 'Unknown field: stream', true],
	[400, 'Type mismatch of /messages/0/content', false],
	[400, 'upstream error', false],
	[500, "Type mismatch of '/stream'", false],
])('a %d saying %j refuses stream: %s', (status, message, refuses) => {
	const error = new DataoortsStatusError('DATAOORTS_HTTP_STATUS', 'Dataoorts answered', status, [
		{ code: 5006, message },
	]);
	expect(refusedStream(error)).toBe(refuses);
});
