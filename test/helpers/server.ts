/** Typed access to the loopback Dataoorts server for TypeScript tests. */
import { closeDispatchers } from '../../nodes/shared/transport';

const serverModule = require('../server/dataoorts-server.js') as {
	startDataoortsServer: (options?: {
		apiKey?: string;
		latencyMs?: number;
		faultPlan?: FaultPlan;
		extraModels?: string[];
	}) => Promise<DataoortsTestServer>;
};

export interface Fault {
	kind: string;
	status?: number;
	retryAfter?: string;
	argument?: string;
}

export type FaultPlan = (context: {
	index: number;
	body: any;
	attempt: number;
	key: string;
}) => Fault | undefined;

export interface RecordedRequest {
	method: string;
	url: string;
	authorization: string | undefined;
	headers: Record<string, string | string[] | undefined>;
	body: any;
	rawBody: string;
	receivedAt: number;
	remotePort: number;
	answeredAt?: number;
	closedEarlyAt?: number;
	status?: number;
	fault?: Fault;
}

export interface DataoortsTestServer {
	apiKey: string;
	origin: string;
	baseUrl: string;
	requests: RecordedRequest[];
	apiRequests: RecordedRequest[];
	stats: { total: number; inFlight: number; maxInFlight: number; connectionsOpened: number };
	openConnections(): number;
	setLatency(ms: number): void;
	setFaultPlan(plan: FaultPlan | undefined): void;
	setRecording(on: boolean): void;
	reset(): void;
	close(): Promise<void>;
}

export const startDataoortsServer = serverModule.startDataoortsServer;

/** Starts one server for a test file and resets it between tests. */
export function useDataoortsServer(
	options: { apiKey?: string; latencyMs?: number; extraModels?: string[] } = {},
): {
	current: DataoortsTestServer;
} {
	const holder = {} as { current: DataoortsTestServer };
	beforeAll(async () => {
		holder.current = await startDataoortsServer(options);
	});
	afterEach(() => holder.current.reset());
	afterAll(async () => {
		await closeDispatchers();
		await holder.current.close();
	});
	return holder;
}
