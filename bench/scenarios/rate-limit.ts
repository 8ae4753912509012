/**
 * Rate-limited scenarios of `npm run bench` (BENCH_ONLY=rate-limit runs them alone): the node through n8n-core against the loopback
 * server with an account limit (a token bucket per key answering 429 + Retry-After beyond it).
 * For each: lost items, attempts per item, and wall time / ideal, where the ideal is
 * (items − bucket size) / rate + one service time (the account's limit), or, where the node's
 * Concurrency allows less, ⌈items / concurrency⌉ × service time.
 *
 * Settings (environment): BENCH_RL_ITEMS (300), BENCH_RL_LATENCY_MS (150), BENCH_RL_RATE (20
 * per second), BENCH_RL_BURST (20), BENCH_RL_RUNS (1), BENCH_RL_CONCURRENCY ("1,5,32,64"),
 * BENCH_RL_RETRY_AFTER ("seconds": whole seconds to the next token; "none": no header).
 */
import { runWorkflow, type DataoortsNodeSettings } from '../../test/helpers/engine';
import { env, median, round, startDataoortsServer, type LoopbackServer } from '../lib';
import type { Scenario } from '../scenario';

const ITEMS = env('BENCH_RL_ITEMS', 300);
const LATENCY_MS = env('BENCH_RL_LATENCY_MS', 150);
const RATE = env('BENCH_RL_RATE', 20);
const BURST = env('BENCH_RL_BURST', 20);
const RUNS = env('BENCH_RL_RUNS', 1);
const RETRY_AFTER = process.env.BENCH_RL_RETRY_AFTER ?? 'seconds';
const CONCURRENCIES = (process.env.BENCH_RL_CONCURRENCY ?? '1,5,32,64').split(',').map(Number);

export interface RateLimitFigure {
	scenario: string;
	items: number;
	lost: number;
	attemptsPerItem: number;
	wallMs: number;
	idealMs: number;
	/** wall / ideal, the ideal being the account's limit or the node's concurrency, whichever is slower. */
	ratio: number;
	/** wall / the account limit's ideal alone, as the issue defines it. */
	limitRatio: number;
}

interface Execution {
	items: number;
	concurrency: number;
}

function node(concurrency: number): DataoortsNodeSettings {
	return {
		parameters: {
			model: 'google/gemma-3-12b-it',
			messages: { values: [{ role: 'user', content: '={{ $json.question }}' }] },
			options: { maxTokens: 16, concurrency },
		},
		// Count lost items instead of stopping at the first one.
		onError: 'continueRegularOutput',
	};
}

/** Runs the executions at once on one fresh account; returns lost items, attempts and wall time. */
async function measure(
	server: LoopbackServer,
	key: string,
	executions: Execution[],
): Promise<{ lost: number; attempts: number; wallMs: number }> {
	const started = performance.now();
	const results = await Promise.all(
		executions.map(async (execution, index) => {
			const items = Array.from({ length: execution.items }, (_, item) => ({
				question: `execution ${index} row ${item}`,
			}));
			return await runWorkflow({
				items,
				node: node(execution.concurrency),
				credential: { apiKey: key, baseUrl: server.baseUrl },
			});
		}),
	);
	const wallMs = performance.now() - started;
	let lost = 0;
	results.forEach((result, index) => {
		const output = result.outputs?.[0] ?? [];
		const answered = output.filter((item) => typeof item.json.response === 'string').length;
		lost += executions[index].items - answered;
	});
	return { lost, attempts: server.accountLimit.counts(key).total, wallMs };
}

async function scenario(
	server: LoopbackServer,
	name: string,
	executions: Execution[],
	nextKey: () => string,
): Promise<RateLimitFigure> {
	const items = executions.reduce((sum, execution) => sum + execution.items, 0);
	const limitIdealMs = ((items - BURST) / RATE) * 1000 + LATENCY_MS;
	const concurrencyIdealMs = Math.max(
		...executions.map(
			(execution) => Math.ceil(execution.items / execution.concurrency) * LATENCY_MS,
		),
	);
	const idealMs = Math.max(limitIdealMs, concurrencyIdealMs);
	const samples = [];
	// A fresh key per run: a fresh account on the server and a fresh governor in the node.
	for (let run = 0; run < RUNS; run++) samples.push(await measure(server, nextKey(), executions));
	const wallMs = median(samples.map((sample) => sample.wallMs));
	return {
		scenario: name,
		items,
		lost: median(samples.map((sample) => sample.lost)),
		attemptsPerItem: round(median(samples.map((sample) => sample.attempts)) / items),
		wallMs: round(wallMs, 0),
		idealMs: round(idealMs, 0),
		ratio: round(wallMs / idealMs),
		limitRatio: round(wallMs / limitIdealMs),
	};
}

/** Every rate-limited case on one server of its own, with an account limit. */
async function rateLimitFigures(): Promise<RateLimitFigure[]> {
	const keys = Array.from({ length: (CONCURRENCIES.length + 1) * RUNS }, (_, i) => `rl-key-${i}`);
	const server = await startDataoortsServer({
		apiKey: 'bench-key',
		apiKeys: keys,
		latencyMs: LATENCY_MS,
		accountLimit: { rate: RATE, burst: BURST, retryAfter: RETRY_AFTER },
	});
	server.setRecording(false);
	let used = 0;
	const nextKey = () => keys[used++];
	const figures: RateLimitFigure[] = [];
	try {
		for (const concurrency of CONCURRENCIES) {
			const execution = { items: ITEMS, concurrency };
			figures.push(await scenario(server, `concurrency ${concurrency}`, [execution], nextKey));
		}
		const half = { items: ITEMS / 2, concurrency: 16 };
		figures.push(
			await scenario(server, 'two executions, concurrency 16 each', [half, half], nextKey),
		);
	} finally {
		await server.close();
	}
	return figures;
}

function printTable(figures: RateLimitFigure[]) {
	console.log(
		`\nRate-limited: ${ITEMS} items, ${LATENCY_MS} ms service time, account limit ${RATE}/s (bucket ${BURST}); goal: 0 lost, attempts/item <= 1.15, wall/ideal <= 1.15\n`,
	);
	console.table(
		Object.fromEntries(
			figures.map(({ scenario: name, ...figure }) => [
				name,
				{
					lost: figure.lost,
					'attempts/item': figure.attemptsPerItem,
					'wall/ideal': figure.ratio,
					'wall/limit ideal': figure.limitRatio,
					'wall s': round(figure.wallMs / 1000, 1),
				},
			]),
		),
	);
}

/** A list of cases, not one ratio: it has its own report key and its own table. */
export const rateLimit: Scenario<RateLimitFigure[]> = {
	id: 'rate-limit',
	reportKey: 'rateLimited',
	run: rateLimitFigures,
	print: printTable,
};
