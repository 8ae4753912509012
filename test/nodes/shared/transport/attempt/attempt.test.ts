/** attemptOnce against a bare loopback server: what it sends, what it returns, what it fails with. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { attemptOnce } from '../../../../../nodes/shared/transport/attempt/attempt';
import { createRedactor } from '../../../../../nodes/shared/transport/answer/redact';
import { resetProcessState } from '../../../../../nodes/shared/transport/process-state';
import { connectionFromCredentials } from '../../../../../nodes/shared/connection';
import { DataoortsError, DataoortsStatusError } from '../../../../../nodes/shared/errors/errors';
import type { ChatRequest } from '../../../../../nodes/shared/transport';
import { failure } from '../../../../helpers/send';

const API_KEY = 'dk-attempt-key-0123456789';
const key = { apiKey: API_KEY, redactor: createRedactor(API_KEY) };

type Handler = (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void;
let handler: Handler;
let server: http.Server;
let origin: string;
const seen: Array<{ headers: http.IncomingHttpHeaders; body: string; method?: string }> = [];

beforeAll(async () => {
	server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString()));
		req.on('end', () => {
			seen.push({ headers: req.headers, body, method: req.method });
			handler(req, body, res);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

beforeEach(async () => {
	seen.length = 0;
	await resetProcessState();
});
afterEach(async () => {
	server.closeAllConnections();
	await resetProcessState();
});

const request = (overrides: Partial<ChatRequest> = {}): ChatRequest => ({
	connection: connectionFromCredentials({ apiKey: API_KEY, baseUrl: origin }),
	body: {},
	timeoutMs: 10_000,
	maxRetries: 0,
	...overrides,
});
const url = () => new URL(`${origin}/api/v1/run`);
const ENVELOPE = { success: true, result: { response: 'hello' }, errors: [] };

test('POSTs the payload with the Bearer key and returns the checked envelope', async () => {
	handler = (_req, _body, res) => res.end(JSON.stringify(ENVELOPE));
	const envelope = await attemptOnce(url(), '{"a":1}', request(), key);
	expect(envelope.result).toEqual({ response: 'hello' });
	expect(seen).toHaveLength(1);
	expect(seen[0].method).toBe('POST');
	expect(seen[0].body).toBe('{"a":1}');
	expect(seen[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
	expect(seen[0].headers['content-type']).toBe('application/json');
	expect(seen[0].headers.accept).toBe('application/json');
});

test('a custom reader gets the raw answer, and its Accept header is sent', async () => {
	handler = (_req, _body, res) => res.writeHead(201, { 'x-mark': 'm' }).end('raw bytes');
	const read = await attemptOnce(
		url(),
		Buffer.from('{}'),
		request(),
		key,
		async (answer) =>
			`${answer.statusCode} ${answer.headers['x-mark']} ${await answer.body.text()}`,
		'image/png',
	);
	expect(read).toBe('201 m raw bytes');
	expect(seen[0].headers.accept).toBe('image/png');
});

test('an error answer is the typed error the answer was classified as', async () => {
	handler = (_req, _body, res) =>
		res
			.writeHead(400, { 'content-type': 'application/json' })
			.end(JSON.stringify({ success: false, result: null, errors: [{ message: 'bad model' }] }));
	const error = await failure(attemptOnce(url(), '{}', request(), key));
	expect(error).toBeInstanceOf(DataoortsStatusError);
	expect((error as DataoortsStatusError).status).toBe(400);
	expect(error.message).toContain('bad model');
});

test('a refused connection is a network error naming the origin and the cause', async () => {
	const closed = http.createServer();
	await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
	const deadOrigin = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
	await new Promise((resolve) => closed.close(resolve));
	const error = await failure(attemptOnce(new URL(`${deadOrigin}/v1`), '{}', request(), key));
	expect(error.code).toBe('DATAOORTS_NETWORK');
	expect(error.message).toBe(
		`Could not reach Dataoorts at ${deadOrigin}: the connection was refused`,
	);
	expect(error).toMatchObject({ causeCode: 'ECONNREFUSED', retryable: true });
});

test('a connection closed before the answer is a network error saying so', async () => {
	handler = (req) => req.socket.destroy();
	const error = await failure(attemptOnce(url(), '{}', request(), key));
	expect(error.code).toBe('DATAOORTS_NETWORK');
	expect(error.message).toBe(
		`Could not reach Dataoorts at ${origin}: the connection was closed before the answer was complete`,
	);
	expect(error).toMatchObject({ causeCode: 'UND_ERR_SOCKET' });
});

test('an uncoded failure is reported by its message, with the key redacted', async () => {
	handler = (_req, _body, res) => res.end('x');
	const error = await failure(
		attemptOnce(url(), '{}', request(), key, async () => {
			throw new Error(`reader broke near ${API_KEY}`);
		}),
	);
	expect(error.code).toBe('DATAOORTS_NETWORK');
	expect(error.message).toContain(`Could not reach Dataoorts at ${origin}: reader broke near`);
	expect(error.message).not.toContain(API_KEY);
});

test("a reader's own DataoortsError passes through unchanged", async () => {
	handler = (_req, _body, res) => res.end('x');
	const own = new DataoortsStatusError('DATAOORTS_API_FAILURE', 'own words', 418, []);
	const error = await failure(
		attemptOnce(url(), '{}', request(), key, async () => {
			throw own;
		}),
	);
	expect(error).toBe(own);
	expect(error).toBeInstanceOf(DataoortsError);
});

test('no answer within the timeout is a timeout error naming the limit', async () => {
	handler = () => {}; // never answers
	const error = await failure(attemptOnce(url(), '{}', request({ timeoutMs: 150 }), key));
	expect(error.code).toBe('DATAOORTS_TIMEOUT');
	expect(error.message).toBe('Dataoorts did not answer within 150 ms');
});

test('stopping the execution cancels the attempt in flight', async () => {
	const stop = new AbortController();
	handler = () => stop.abort(); // the request arrived; the execution is stopped before any answer
	const error = await failure(attemptOnce(url(), '{}', request({ signal: stop.signal }), key));
	expect(error.code).toBe('DATAOORTS_ABORTED');
	expect(error.message).toContain('cancelled because the execution was stopped');
	expect(seen).toHaveLength(1);
});
