/** StreamedAnswer: what each event of a streamed answer yields, and the whole answer it adds up to. */
import { StreamedAnswer } from '../../../../../nodes/shared/transport/attempt/stream-events';
import { createRedactor } from '../../../../../nodes/shared/transport/answer/redact';
import { DataoortsStatusError } from '../../../../../nodes/shared/errors/errors';

const API_KEY = 'dk-stream-events-key-42';
const answer = () => new StreamedAnswer(200, createRedactor(API_KEY));

function thrown(action: () => unknown): { code: string; message: string } {
	try {
		action();
	} catch (error) {
		return error as { code: string; message: string };
	}
	throw new Error('expected a throw');
}

test('each event hands on its text piece; events without one hand on ""', () => {
	const stream = answer();
	expect(stream.take('{"response":"Hel"}')).toBe('Hel');
	expect(stream.take('{"response":"lo"}')).toBe('lo');
	expect(stream.take('{"response":null}')).toBe('');
	expect(stream.take('{"usage":{"prompt_tokens":3}}')).toBe('');
	expect(stream.done).toBe(false);
});

test('[DONE] (surrounding whitespace allowed) ends the stream', () => {
	const stream = answer();
	expect(stream.take(' [DONE]\n')).toBe('');
	expect(stream.done).toBe(true);
});

test('the whole answer carries the text, the last usage and every tool call', () => {
	const stream = answer();
	stream.take('{"response":"a","tool_calls":[{"name":"one","arguments":{}}]}');
	stream.take('{"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}');
	stream.take(
		'{"tool_calls":[{"name":"two","arguments":{}}],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}}',
	);
	const whole = stream.toAnswer('ab');
	expect(whole.success).toBe(true);
	expect(whole.result.response).toBe('ab');
	expect(whole.result.tool_calls).toEqual([
		{ name: 'one', arguments: {} },
		{ name: 'two', arguments: {} },
	]);
	expect(whole.result.usage).toEqual({ prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 });
});

test('without usage events the whole answer has no usage', () => {
	const stream = answer();
	stream.take('{"response":"x"}');
	expect(stream.toAnswer('x').result).not.toHaveProperty('usage');
});

test('the key is scrubbed from what the events carry besides text', () => {
	const stream = answer();
	stream.take(`{"tool_calls":[{"name":"leak","arguments":{"k":"${API_KEY}"}}]}`);
	expect(JSON.stringify(stream.toAnswer('').result.tool_calls)).not.toContain(API_KEY);
});

test('an error envelope mid-stream ends it with the provider errors', () => {
	const error = thrown(() =>
		answer().take('{"success":false,"errors":[{"code":7,"message":"model overloaded"}]}'),
	);
	expect(error).toBeInstanceOf(DataoortsStatusError);
	expect(error.code).toBe('DATAOORTS_API_FAILURE');
	expect(error.message).toContain('a failure in the middle of its streamed answer');
	expect(error.message).toContain('model overloaded');
	expect(thrown(() => answer().take('{"success":false}')).message).toContain(
		'no error message given',
	);
});

test.each([
	['{"response":42}', 'its "response" is not text'],
	['[1,2]', 'not a JSON object'],
	['null', 'not a JSON object'],
	['{"response":', 'not JSON: "{\\"response\\":"'],
	[`oops ${API_KEY}`, 'not JSON: "oops '],
])('%j is an unusable event: %s', (data, problem) => {
	const error = thrown(() => answer().take(data));
	expect(error.code).toBe('DATAOORTS_INVALID_RESPONSE');
	expect(error.message).toContain('Dataoorts answered 200 with a stream event that is unusable: ');
	expect(error.message).toContain(problem);
	expect(error.message).not.toContain(API_KEY);
});

test('JSON nested too deep is refused as such', () => {
	const deep = '{"a":'.repeat(500) + '1' + '}'.repeat(500);
	expect(thrown(() => answer().take(deep)).message).toMatch(/JSON nested deeper than \d+ levels/);
});
