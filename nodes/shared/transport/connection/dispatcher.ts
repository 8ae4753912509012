import { gatedConnector } from './connect-gate';
import { processState } from '../process-state';
import type { Dispatcher } from './undici-types';

/**
 * Connection pools: one keep-alive pool per API origin, shared by every item and every
 * execution in this n8n process, so a batch of hundreds of items reuses a few warm sockets.
 *
 * Proxies follow n8n's own convention: HTTP_PROXY / HTTPS_PROXY / NO_PROXY (either case). When
 * one is set, requests go through undici's EnvHttpProxyAgent, which applies NO_PROXY per host.
 * A plain http:// target is forwarded (an absolute-form request, as curl does), not tunnelled:
 * proxies such as squid allow CONNECT only to TLS ports. https:// is always a CONNECT tunnel.
 *
 * undici is required lazily: n8n loads every community node at start, and most of them never run.
 */

const POOL_OPTIONS = {
	// More than the node's highest concurrency, so several executions can share one origin.
	connections: 128,
	keepAliveTimeout: 30_000,
	keepAliveMaxTimeout: 600_000,
} as const;

type Undici = typeof import('undici');
let undiciModule: Undici | undefined;

/** undici, loaded on first use (require resolution is not free on a per-request path). */
export function undici(): Undici {
	undiciModule ??= require('undici') as Undici;
	return undiciModule;
}

function proxyEnvironment(): string | undefined {
	const env = process.env;
	const http = env.HTTP_PROXY ?? env.http_proxy ?? '';
	const https = env.HTTPS_PROXY ?? env.https_proxy ?? '';
	if (http === '' && https === '') return undefined;
	return [http, https, env.NO_PROXY ?? env.no_proxy ?? ''].join('\n');
}

export function dispatcherFor(origin: string): Dispatcher {
	const { EnvHttpProxyAgent, Pool } = undici();
	const state = processState;
	const proxyKey = proxyEnvironment();
	if (proxyKey !== undefined) {
		if (state.proxyAgent?.key !== proxyKey) {
			void state.proxyAgent?.agent.close();
			state.proxyAgent = {
				key: proxyKey,
				agent: new EnvHttpProxyAgent({ ...POOL_OPTIONS, proxyTunnel: false }),
			};
		}
		return state.proxyAgent.agent;
	}
	let pool = state.pools.get(origin);
	if (pool === undefined) {
		// Connects only for live requests: no fresh sockets after a cancellation (connect-gate.ts).
		const connect = gatedConnector(origin, undici().buildConnector({}));
		pool = new Pool(origin, { ...POOL_OPTIONS, connect });
		state.pools.set(origin, pool);
	}
	return pool;
}
