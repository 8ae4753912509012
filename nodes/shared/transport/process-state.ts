/**
 * Everything the transport keeps for the life of the n8n process, in one place with one reset:
 * the clock it reads and waits on, the governor of each account, the connection pools, the proxy
 * agent, the connect gate's demand, the checked base URLs and the accounts that refused `stream`.
 * n8n runs on the real clock; tests reset it with a fake one (test/helpers/fake-clock.ts).
 */
import type { Clock } from './clock';
import type { AccountGovernor } from './account/governor';
import type { Dispatcher } from './connection/undici-types';

export type { Clock, ClockTimer } from './clock';

/** The real clock: Date.now and the global timers. */
export const systemClock: Clock = {
	now: () => Date.now(),
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout> | undefined),
};

class ProcessState {
	clock: Clock = systemClock;
	/** One governor per account (accounts.ts). */
	readonly governors = new Map<string, AccountGovernor>();
	/** One keep-alive pool per origin, and the proxy agent when a proxy is set (dispatcher.ts). */
	readonly pools = new Map<string, Dispatcher>();
	proxyAgent: { key: string; agent: Dispatcher } | undefined;
	/** Live requests per origin (connect-gate.ts). */
	readonly demand = new Map<string, number>();
	/** Base URLs already checked (endpoint.ts). */
	readonly checkedEndpoints = new Map<string, URL>();
	/** Accounts, by their governor, that refused `stream` (stream-fallback.ts). */
	streamRefusedBy = new WeakSet<AccountGovernor>();
}

/** The process's one state. */
export const processState = new ProcessState();

/** The transport's clock (real unless a test reset it with another). */
export function clock(): Clock {
	return processState.clock;
}

/** Closes the pools and the proxy agent; the next request opens new ones. */
export async function closeDispatchers(): Promise<void> {
	const state = processState;
	const all = [...state.pools.values(), ...(state.proxyAgent ? [state.proxyAgent.agent] : [])];
	state.pools.clear();
	state.proxyAgent = undefined;
	await Promise.all(all.map(async (dispatcher) => await dispatcher.close()));
}

/**
 * A fresh process (tests and benchmarks): closes the pools, forgets every account, gate demand,
 * checked URL and stream refusal, and runs on `newClock` from now on (the real one by default).
 */
export async function resetProcessState(newClock: Clock = systemClock): Promise<void> {
	const state = processState;
	state.governors.clear();
	state.demand.clear();
	state.checkedEndpoints.clear();
	state.streamRefusedBy = new WeakSet();
	state.clock = newClock;
	await closeDispatchers();
}
