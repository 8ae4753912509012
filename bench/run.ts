/**
 * `npm run bench`: the node through n8n-core's WorkflowExecute against the loopback Dataoorts
 * server, each figure a ratio of two things measured side by side in this run (median of
 * BENCH_RUNS runs). Prints a table and writes bench/results/<time>.json and latest.json.
 *
 * Settings (environment): BENCH_RUNS (3), BENCH_LATENCY_MS (200), BENCH_ITEMS (640),
 * BENCH_CONCURRENCY (32), BENCH_OVERHEAD_ITEMS (2000), BENCH_MEMORY_ITEMS (10000);
 * BENCH_ONLY=rate-limit runs only the rate-limited scenarios (bench/rate-limit.ts).
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { connectionFromCredentials } from '../nodes/shared/connection';
import { closeDispatchers, sendChatRequest } from '../nodes/shared/transport';
import { rateLimitFigures } from './rate-limit';
import {
	PARAMETER_READER_TYPE,
	runWorkflow,
	type DataoortsNodeSettings,
} from '../test/helpers/engine';

// The governor's warn lines (one per cut or pause) would break up the tables; N8N_LOG_LEVEL=warn shows them.
process.env.N8N_LOG_LEVEL ??= 'error';

const root = path.resolve(__dirname, '../../..');
const { startDataoortsServer } = require(path.join(root, 'test/server/dataoorts-server.js'));

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const RUNS = env('BENCH_RUNS', 3);
const LATENCY_MS = env('BENCH_LATENCY_MS', 200);
const ITEMS = env('BENCH_ITEMS', 640);
const CONCURRENCY = env('BENCH_CONCURRENCY', 32);
const OVERHEAD_ITEMS = env('BENCH_OVERHEAD_ITEMS', 2000);
const MEMORY_ITEMS = env('BENCH_MEMORY_ITEMS', 10_000);

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

async function timed(work: () => Promise<unknown>): Promise<number> {
	const started = performance.now();
	await work();
	return performance.now() - started;
}

async function repeat(work: () => Promise<number>): Promise<number> {
	const samples: number[] = [];
	for (let run = 0; run < RUNS; run++) samples.push(await work());
	return median(samples);
}

function items(count: number) {
	return Array.from({ length: count }, (_, index) => ({
		question: `Row ${index}: what is deep learning?`,
	}));
}

const dataoortsNode = (concurrency: number, type?: string): DataoortsNodeSettings => ({
	...(type ? { type } : {}),
	parameters: {
		model: 'google/gemma-3-12b-it',
		messages: {
			values: [
				{ role: 'system', content: 'Be brief.' },
				{ role: 'user', content: '={{ $json.question }}' },
			],
		},
		options: { temperature: 0.1, maxTokens: 64, concurrency },
	},
});

async function main() {
	if (process.env.BENCH_ONLY === 'rate-limit') {
		console.log(JSON.stringify(await rateLimitFigures(), null, 2));
		await closeDispatchers();
		return;
	}
	const server = await startDataoortsServer({ apiKey: 'bench-key' });
	server.setRecording(false);
	const credential = { apiKey: server.apiKey, baseUrl: server.baseUrl };
	const runNode = async (count: number, node: DataoortsNodeSettings) => {
		const result = await runWorkflow({ items: items(count), node, credential });
		if (result.error || result.outputs?.[0].length !== count)
			throw new Error(`bench run failed: ${result.error?.message}`);
	};
	const figures: Record<string, Record<string, number | string>> = {};

	// 1. Latency-bound throughput.
	server.setLatency(LATENCY_MS);
	await runNode(CONCURRENCY, dataoortsNode(CONCURRENCY)); // warm-up: pools, JIT
	const ideal = Math.ceil(ITEMS / CONCURRENCY) * LATENCY_MS;
	const wall = await repeat(() => timed(() => runNode(ITEMS, dataoortsNode(CONCURRENCY))));
	figures.throughput = {
		items: ITEMS,
		concurrency: CONCURRENCY,
		latencyMs: LATENCY_MS,
		wallMs: round(wall, 0),
		idealMs: ideal,
		ratio: round(wall / ideal),
		goal: '<= 1.10',
	};

	// 2. Speed-up over concurrency 1, per item, on the same server.
	const serialItems = Math.max(10, Math.round(ITEMS / 32));
	const serialWall = await repeat(() => timed(() => runNode(serialItems, dataoortsNode(1))));
	const perItemSerial = serialWall / serialItems;
	const perItemParallel = wall / ITEMS;
	figures.speedup = {
		serialItems,
		perItemSerialMs: round(perItemSerial),
		perItemParallelMs: round(perItemParallel),
		ratio: round(perItemSerial / perItemParallel, 1),
		goal: '>= 25',
	};

	// 3. Client overhead at zero latency, concurrency 1: node in the engine vs a plain undici loop,
	//    and the engine's own floor (the same workflow with a node that only reads the parameters).
	server.setLatency(0);
	const { Pool, request } = require('undici') as typeof import('undici');
	const pool = new Pool(server.origin, { connections: 4 });
	const plainLoop = async () => {
		for (const item of items(OVERHEAD_ITEMS)) {
			const answer = await request(server.baseUrl, {
				method: 'POST',
				dispatcher: pool,
				headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
				body: JSON.stringify({
					model: 'google/gemma-3-12b-it',
					data: {
						messages: [
							{ role: 'system', content: 'Be brief.' },
							{ role: 'user', content: item.question },
						],
						temperature: 0.1,
						max_tokens: 64,
					},
				}),
			});
			await answer.body.json();
		}
	};
	// The node's transport alone, same requests, same server: what our HTTP path adds to undici's.
	const transportLoop = async () => {
		for (const item of items(OVERHEAD_ITEMS)) {
			await sendChatRequest({
				connection: connectionFromCredentials(server),
				body: {
					model: 'google/gemma-3-12b-it',
					data: {
						messages: [
							{ role: 'system', content: 'Be brief.' },
							{ role: 'user', content: item.question },
						],
						temperature: 0.1,
						max_tokens: 64,
					},
				},
				timeoutMs: 600_000,
				maxRetries: 3,
			});
		}
	};
	// Warm-up of every path (JIT, pools) before anything is timed.
	await plainLoop();
	await transportLoop();
	await runNode(OVERHEAD_ITEMS, dataoortsNode(1));
	await runNode(OVERHEAD_ITEMS, dataoortsNode(1, PARAMETER_READER_TYPE));
	const undiciMs = await repeat(() => timed(plainLoop));
	const transportMs = await repeat(() => timed(transportLoop));
	const engineMs = await repeat(() => timed(() => runNode(OVERHEAD_ITEMS, dataoortsNode(1))));
	const floorMs = await repeat(() =>
		timed(() => runNode(OVERHEAD_ITEMS, dataoortsNode(1, PARAMETER_READER_TYPE))),
	);
	await pool.close();
	figures.overhead = {
		items: OVERHEAD_ITEMS,
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

	// 4. Memory: 10,000 items through the engine in a fresh process; peak RSS.
	// Asynchronous: the server answering the child lives in this process's event loop.
	const { stdout: memoryOutput } = await promisify(execFile)(
		process.execPath,
		[path.join(__dirname, 'memory-child.js')],
		{
			env: {
				...process.env,
				BENCH_BASE_URL: server.baseUrl,
				BENCH_API_KEY: server.apiKey,
				BENCH_ITEMS: String(MEMORY_ITEMS),
			},
			encoding: 'utf8',
			timeout: 300_000,
		},
	);
	const memory = JSON.parse(memoryOutput);
	figures.memory = {
		items: MEMORY_ITEMS,
		peakRssMb: memory.peakRssMb,
		baselineRssMb: memory.baselineRssMb,
		wallMs: memory.wallMs,
		ratio: round(memory.peakRssMb / 300),
		goal: '<= 300 MB (ratio <= 1)',
	};

	// 5. Load cost of the built node and credential, in fresh processes (n8n-workflow loaded first, as in n8n).
	const loads = Array.from({ length: Math.max(5, RUNS) }, () =>
		JSON.parse(
			execFileSync(process.execPath, [path.join(__dirname, 'load-child.js'), root], {
				encoding: 'utf8',
			}),
		),
	);
	const loadMs = median(loads.map((load) => load.packageMs));
	figures.load = {
		packageMs: round(loadMs),
		n8nWorkflowMs: round(median(loads.map((load) => load.n8nWorkflowMs))),
		ratio: round(loadMs / 30),
		goal: '<= 30 ms (ratio <= 1)',
	};

	// 6. Rate limits: the account's token bucket in the way (bench/rate-limit.ts).
	const rateLimited = await rateLimitFigures();

	await closeDispatchers();
	await server.close();

	const report = {
		at: new Date().toISOString(),
		machine: {
			cpus: os.cpus().length,
			cpu: os.cpus()[0]?.model,
			memoryGb: round(os.totalmem() / 2 ** 30, 0),
			node: process.version,
		},
		runs: RUNS,
		figures,
		rateLimited,
	};
	console.log(
		`\nDataoorts node benchmark (median of ${RUNS} runs, Node ${process.version}, ${report.machine.cpus} CPUs)\n`,
	);
	console.table(
		Object.fromEntries(
			Object.entries(figures).map(([name, figure]) => [
				name,
				{
					ratio: figure.ratio,
					goal: figure.goal,
					...(figure.oursRatio !== undefined
						? {
								'engine minus n8n floor': figure.oursRatio,
								'n8n floor alone': figure.floorRatio,
								'transport alone': figure.transportRatio,
							}
						: {}),
				},
			]),
		),
	);
	console.log(JSON.stringify(figures, null, 2));
	const folder = path.join(root, 'bench/results');
	mkdirSync(folder, { recursive: true });
	const text = `${JSON.stringify(report, null, 2)}\n`;
	writeFileSync(path.join(folder, `${report.at.replace(/[:.]/g, '-')}.json`), text);
	writeFileSync(path.join(folder, 'latest.json'), text);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
