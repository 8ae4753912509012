/**
 * One execution's cancel signal is shared by every item in flight: each request follows it through
 * a signal of its own, so the shared one never collects a listener per item (Node warns past 10).
 */
import { getEventListeners } from 'node:events';

import { connectionFromCredentials } from '../../../../../nodes/shared/connection';
import { DataoortsAbortError } from '../../../../../nodes/shared/errors/errors';
import { closeDispatchers, sendChatRequest } from '../../../../../nodes/shared/transport';
import { useDataoortsServer } from '../../../../helpers/server';

const server = useDataoortsServer();
afterAll(async () => await closeDispatchers());

function sendAll(count: number, signal: AbortSignal) {
	const connection = connectionFromCredentials(server.current);
	return Array.from({ length: count }, async (_, index) => {
		const content = `item ${index}`;
		const body = {
			model: 'google/gemma-3-12b-it',
			data: { messages: [{ role: 'user', content }] },
		};
		return await sendChatRequest({ connection, body, timeoutMs: 10_000, maxRetries: 0, signal });
	});
}

/** Resolves once the server holds `count` requests (each held by a slow fault). */
async function held(count: number) {
	while (server.current.requests.length < count)
		await new Promise((resolve) => setImmediate(resolve));
}

test('forty items in flight on one signal: all answered, none listening on the shared signal', async () => {
	server.current.setFaultPlan(() => ({ kind: 'slow', argument: '300' }));
	const shared = new AbortController().signal;
	const pending = sendAll(40, shared);
	await held(40);
	// Node warns (MaxListenersExceededWarning) past 10 listeners on one signal.
	expect(getEventListeners(shared, 'abort')).toHaveLength(0);
	expect(await Promise.all(pending)).toHaveLength(40);
});

test('aborting the shared signal cancels every item in flight', async () => {
	server.current.setFaultPlan(() => ({ kind: 'slow', argument: '10000' }));
	const controller = new AbortController();
	const pending = sendAll(12, controller.signal);
	await held(12);
	controller.abort();
	for (const result of await Promise.allSettled(pending)) {
		expect(result.status).toBe('rejected');
		expect((result as PromiseRejectedResult).reason).toBeInstanceOf(DataoortsAbortError);
	}
});
