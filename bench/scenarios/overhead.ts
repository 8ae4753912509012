/**
 * Client overhead at zero latency, concurrency 1: the node in the engine / a plain undici loop
 * sending the same requests. Beside it, what is not ours: the engine's floor (the same workflow
 * with a node that only reads its parameters), and our transport alone without the engine.
 */
import { connectionFromCredentials } from '../../nodes/shared/connection';
import { sendChatRequest } from '../../nodes/shared/transport';
import { PARAMETER_READER_TYPE } from '../../test/helpers/engine';
import { chatBody, dataoortsNode, items, repeat, round, settings, timed } from '../lib';
import type { LoopbackServer } from '../lib';
import type { Context, Scenario } from '../scenario';

type Loop = () => Promise<void>;

/** The yardstick: undici's own request loop on a pool of its own. */
function undiciLoop(server: LoopbackServer): { loop: Loop; close: () => Promise<void> } {
	const { Pool, request } = require('undici') as typeof import('undici');
	const pool = new Pool(server.origin, { connections: 4 });
	const loop = async () => {
		for (const item of items(settings.overheadItems)) {
			const answer = await request(server.baseUrl, {
				method: 'POST',
				dispatcher: pool,
				headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
				body: JSON.stringify(chatBody(item.question)),
			});
			await answer.body.json();
		}
	};
	return { loop, close: () => pool.close() };
}

/** The node's transport alone, same requests, same server: what our HTTP path adds to undici's. */
function transportLoop(server: LoopbackServer): Loop {
	const credential = { apiKey: server.apiKey, baseUrl: server.baseUrl };
	return async () => {
		for (const item of items(settings.overheadItems)) {
			await sendChatRequest({
				connection: connectionFromCredentials(credential),
				body: chatBody(item.question),
				timeoutMs: 600_000,
				maxRetries: 3,
			});
		}
	};
}

/** Median wall time of each loop, every loop warmed up (JIT, pools) before any is timed. */
async function timeLoops(loops: Loop[]): Promise<number[]> {
	for (const loop of loops) await loop();
	const times: number[] = [];
	for (const loop of loops) times.push(await repeat(() => timed(loop)));
	return times;
}

export const overhead: Scenario = {
	id: 'overhead',
	async run(context: Context) {
		const server = await context.server();
		server.setLatency(0);
		const count = settings.overheadItems;
		const undici = undiciLoop(server);
		const [undiciMs, transportMs, engineMs, floorMs] = await timeLoops([
			undici.loop,
			transportLoop(server),
			() => context.runNode(count, dataoortsNode(1)),
			() => context.runNode(count, dataoortsNode(1, PARAMETER_READER_TYPE)),
		]);
		await undici.close();
		return {
			items: count,
			undiciLoopMs: round(undiciMs, 0),
			transportLoopMs: round(transportMs, 0),
			engineMs: round(engineMs, 0),
			engineFloorMs: round(floorMs, 0),
			ratio: round(engineMs / undiciMs),
			oursRatio: round((engineMs - floorMs) / undiciMs),
			floorRatio: round(floorMs / undiciMs),
			transportRatio: round(transportMs / undiciMs),
			goal: '<= 1.5',
		};
	},
};
