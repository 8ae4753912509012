/** Typed access to the loopback Dataoorts server for TypeScript tests. */
import { resetProcessState } from '../../nodes/shared/transport';

export interface ServerOptions {
	apiKey?: string;
	/** Further accepted keys: other accounts on the same server. */
	apiKeys?: string[];
	latencyMs?: number;
	faultPlan?: FaultPlan;
	accountLimit?: AccountLimitOptions;
	/** Ids served beside the catalog, like a model the provider added after it. */
	extraModels?: string[];
	/** Image models served beside the catalog's, taking any input. */
	extraImageModels?: string[];
	/** How image models answer: 'json' (result.image_base64, the default), 'raw' or 'octet' (bytes). */
	imageShape?: ImageShape;
	/** Image answers padded to this many bytes. */
	imageBytes?: number;
}

export type ImageShape = 'json' | 'raw' | 'octet';

const serverModule = require('../server/dataoorts-server.js') as {
	startDataoortsServer: (options?: ServerOptions) => Promise<DataoortsTestServer>;
};

/** A token bucket per key (test/server/account-limit.js). */
export interface AccountLimitOptions {
	/** Tokens per second. */
	rate: number;
	/** Bucket size, and its level at the start. */
	burst: number;
	/** 'seconds' (default): whole seconds to the next token; 'none': no header; else sent as is. */
	retryAfter?: string;
}

export interface LimitRecord {
	key: string;
	at: number;
	allowed: boolean;
	retryAfter?: string;
}

export interface AccountLimit {
	options: AccountLimitOptions;
	records: LimitRecord[];
	counts(key?: string): { allowed: number; limited: number; total: number };
}

export interface Fault {
	kind: string;
	status?: number;
	retryAfter?: string;
	argument?: string;
}

/** A request's JSON body as parsed: any shape the node (or a hostile test) sent; tests read it freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ParsedBody = any;

export type FaultPlan = (context: {
	index: number;
	body: ParsedBody;
	attempt: number;
	key: string;
}) => Fault | undefined;

export interface RecordedRequest {
	method: string;
	url: string;
	authorization: string | undefined;
	headers: Record<string, string | string[] | undefined>;
	body: ParsedBody;
	rawBody: string;
	receivedAt: number;
	remotePort: number;
	answeredAt?: number;
	closedEarlyAt?: number;
	status?: number;
	fault?: Fault;
	/** A streamed answer's pieces, each with when it was written (performance.now()). */
	pieces?: Array<{ text: string; at: number }>;
}

/** How the server answers requests with `stream: true` (test/server/stream.js). */
export interface StreamSettings {
	mode?: 'sse' | 'ignore' | 'reject' | 'break-before' | 'break-after' | 'no-done';
	/** How many pieces the answer is cut into (8 unless set), or the pieces themselves. */
	pieces?: number | string[];
	firstDelayMs?: number;
	intervalMs?: number;
	/** break-after: how many pieces go out before the connection is cut. */
	breakAfter?: number;
	framing?: 'lf' | 'crlf' | 'cr';
	/** Every byte written on its own. */
	bytewise?: boolean;
	/** A comment line before every event. */
	comments?: boolean;
	/** Every event's data on two `data:` lines. */
	multiline?: boolean;
	/** The mode holds for this many streaming requests only, then the answer streams as usual. */
	times?: number;
	/** The events compressed (flushed after each), with this Content-Encoding. */
	encoding?: 'gzip' | 'deflate' | 'br';
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
	setStreaming(settings: StreamSettings | undefined): void;
	setRecording(on: boolean): void;
	setImageAnswer(shape: ImageShape, bytes?: number): void;
	readonly accountLimit: AccountLimit | undefined;
	setAccountLimit(options: AccountLimitOptions | undefined): void;
	reset(): void;
	close(): Promise<void>;
}

export const startDataoortsServer = serverModule.startDataoortsServer;

/** Starts one server for a test file and resets it (and the process state: governors, pools, clock) between tests. */
export function useDataoortsServer(options: ServerOptions = {}): {
	current: DataoortsTestServer;
} {
	const holder = {} as { current: DataoortsTestServer };
	beforeAll(async () => {
		holder.current = await startDataoortsServer(options);
	});
	// Each test starts as a fresh process would: fresh buckets, and governors that know nothing.
	afterEach(async () => {
		holder.current.reset();
		await resetProcessState();
	});
	afterAll(async () => {
		await resetProcessState();
		await holder.current.close();
	});
	return holder;
}

/** The hostile server's faults that echo the key back, each in another place (test/server/hostile.js). */
export const ECHO_FAULTS = [
	'echo-401',
	'echo-400-object',
	'echo-html-500',
	'echo-escaped-500',
	'echo-success-false',
	'echo-success',
];
