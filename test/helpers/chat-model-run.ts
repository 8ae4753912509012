/**
 * The Dataoorts Chat Model sub-node against a loopback server with the fixtures' key, on fake time
 * (which the server reads too: timeouts, backoffs and pauses take no real time). Call at the top
 * of a test file: it registers the server's and the clock's hooks there.
 */
import { DynamicStructuredTool } from '@langchain/core/tools';
import { z } from 'zod';

import { chatModelHarness } from './chat-model';
import { drive, useFakeClock } from './fake-clock';
import { SECRET_KEY } from './fixtures';
import { useDataoortsServer } from './server';

/** A tool an AI Agent would bind. */
export const weatherTool = new DynamicStructuredTool({
	name: 'get_weather',
	description: 'Current weather for a city',
	schema: z.object({ city: z.string().describe('City name') }),
	func: async ({ city }: { city: string }) => `Sunny in ${city}, 21C`,
});

export function useChatModelRun() {
	const server = useDataoortsServer({ apiKey: SECRET_KEY });
	const clock = useFakeClock();
	/** Awaits `work`, moving the fake time while it waits. */
	const timed = <T>(work: Promise<T>) => drive(clock.current, work);
	const lastBody = () => server.current.apiRequests[server.current.apiRequests.length - 1].body;
	return { server, clock, timed, lastBody, ...chatModelHarness(() => server.current.baseUrl) };
}
