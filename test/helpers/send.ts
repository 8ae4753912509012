/** sendChatRequest against the loopback server on fake time, for the transport's own tests. */
import { connectionFromCredentials } from '../../nodes/shared/connection';
import type { DataoortsError } from '../../nodes/shared/errors/errors';
import { sendChatRequest, type ChatRequest } from '../../nodes/shared/transport';
import { drive, type FakeClock } from './fake-clock';

type ServerHolder = { current: { apiKey: string; baseUrl: string } };

/** `request` builds one chat request to the server; `send` sends it, moving the fake time. */
export function sendHarness(server: ServerHolder, clock: { current: FakeClock }) {
	const request = (content: string, overrides: Partial<ChatRequest> = {}): ChatRequest => ({
		connection: connectionFromCredentials(server.current),
		body: { model: 'google/gemma-3-12b-it', data: { messages: [{ role: 'user', content }] } },
		timeoutMs: 10_000,
		maxRetries: 3,
		...overrides,
	});
	const send = (chatRequest: ChatRequest) => drive(clock.current, sendChatRequest(chatRequest));
	return { request, send };
}

/** The error `promise` rejects with; fails the test when it resolves. */
export async function failure(promise: Promise<unknown>): Promise<DataoortsError> {
	try {
		await promise;
	} catch (error) {
		return error as DataoortsError;
	}
	throw new Error('expected the request to fail');
}
