/**
 * `npm run bench`: the node through n8n-core's WorkflowExecute against the loopback Dataoorts
 * server, each figure a ratio of two things measured side by side in this run (median of
 * BENCH_RUNS runs). Runs the scenarios below (one module each, in bench/scenarios), prints a
 * table and writes bench/results/<time>.json and latest.json.
 *
 * Settings (environment): BENCH_RUNS (3), BENCH_LATENCY_MS (200), BENCH_ITEMS (640),
 * BENCH_CONCURRENCY (32), BENCH_OVERHEAD_ITEMS (2000), BENCH_MEMORY_ITEMS (10000),
 * BENCH_IMAGE_ITEMS (200), BENCH_IMAGE_MIB (4); the
 * rate-limited scenarios' BENCH_RL_* (bench/scenarios/rate-limit.ts); the streaming scenario's
 * BENCH_STREAM_RUNS (20). BENCH_ONLY=<id>[,<id>…] runs only those scenarios and writes no results
 * (a partial report is no baseline to compare).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { root, round, settings } from './lib';
import { createContext, type Figure, type Scenario } from './scenario';
import { imageGeneration } from './scenarios/image-generation';
import { load } from './scenarios/load';
import { imageMemory, memory } from './scenarios/memory';
import { overhead } from './scenarios/overhead';
import { rateLimit } from './scenarios/rate-limit';
import { speedup } from './scenarios/speedup';
import { streaming } from './scenarios/streaming';
import { throughput } from './scenarios/throughput';

// The governor's warn lines (one per cut or pause) would break up the tables; N8N_LOG_LEVEL=warn shows them.
process.env.N8N_LOG_LEVEL ??= 'error';

/** In report order; speedup reuses throughput's run, so either may run alone. */
const SCENARIOS: Scenario<unknown>[] = [
	throughput,
	speedup,
	overhead,
	memory,
	imageMemory,
	load,
	rateLimit,
	streaming,
	imageGeneration as Scenario<unknown>,
];

const ONLY = process.env.BENCH_ONLY?.trim();

function selected(): Scenario<unknown>[] {
	if (!ONLY) return SCENARIOS;
	const only = ONLY.split(',').map((id) => id.trim());
	const unknown = only.filter((id) => !SCENARIOS.some((scenario) => scenario.id === id));
	if (unknown.length)
		throw new Error(
			`BENCH_ONLY: no scenario ${unknown.join(', ')} (there are ${SCENARIOS.map((s) => s.id).join(', ')})`,
		);
	return SCENARIOS.filter((scenario) => only.includes(scenario.id));
}

interface Results {
	figures: Record<string, Figure>;
	/** Results under their own report key (the rate-limited list). */
	sections: Record<string, unknown>;
}

const resultOf = (scenario: Scenario<unknown>, results: Results) =>
	scenario.reportKey ? results.sections[scenario.reportKey] : results.figures[scenario.id];

async function runAll(scenarios: Scenario<unknown>[]): Promise<Results> {
	const context = createContext();
	const results: Results = { figures: {}, sections: {} };
	try {
		for (const scenario of scenarios) {
			const result = await scenario.run(context);
			if (scenario.reportKey) results.sections[scenario.reportKey] = result;
			else results.figures[scenario.id] = result as Figure;
		}
	} finally {
		await context.close();
	}
	return results;
}

function machine() {
	return {
		cpus: os.cpus().length,
		cpu: os.cpus()[0]?.model,
		memoryGb: round(os.totalmem() / 2 ** 30, 0),
		node: process.version,
	};
}

/** The ratio table: one row per figure, with the overhead figure's split of where time goes. */
function printFigures(figures: Record<string, Figure>) {
	if (Object.keys(figures).length === 0) return;
	console.log(
		`\nDataoorts node benchmark (median of ${settings.runs} runs, Node ${process.version}, ${os.cpus().length} CPUs)\n`,
	);
	const row = (figure: Figure) => ({
		ratio: figure.ratio,
		goal: figure.goal,
		...(figure.oursRatio !== undefined
			? {
					'engine minus n8n floor': figure.oursRatio,
					'n8n floor alone': figure.floorRatio,
					'transport alone': figure.transportRatio,
				}
			: {}),
	});
	console.table(
		Object.fromEntries(Object.entries(figures).map(([name, figure]) => [name, row(figure)])),
	);
}

function printReport(scenarios: Scenario<unknown>[], results: Results) {
	const rows = scenarios.filter((scenario) => !scenario.print && !scenario.reportKey);
	printFigures(Object.fromEntries(rows.map(({ id }) => [id, results.figures[id]])));
	for (const scenario of scenarios) scenario.print?.(resultOf(scenario, results));
	console.log(JSON.stringify({ ...results.figures, ...results.sections }, null, 2));
}

function writeReport(results: Results) {
	const report = {
		at: new Date().toISOString(),
		machine: machine(),
		runs: settings.runs,
		figures: results.figures,
		...results.sections,
	};
	const folder = path.join(root, 'bench/results');
	mkdirSync(folder, { recursive: true });
	const text = `${JSON.stringify(report, null, 2)}\n`;
	writeFileSync(path.join(folder, `${report.at.replace(/[:.]/g, '-')}.json`), text);
	writeFileSync(path.join(folder, 'latest.json'), text);
}

async function main() {
	const scenarios = selected();
	const results = await runAll(scenarios);
	printReport(scenarios, results);
	if (!ONLY) writeReport(results);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
