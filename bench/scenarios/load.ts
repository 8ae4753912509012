/**
 * Load time of the built node and credential, each sample in a fresh process with n8n-workflow
 * loaded first, as in n8n; the median / 30 ms.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import { benchDir, median, root, round, settings } from '../lib';
import type { Scenario } from '../scenario';

export const load: Scenario = {
	id: 'load',
	async run() {
		// At least 5 samples: a process start is noisier than a run of many items.
		const loads = Array.from({ length: Math.max(5, settings.runs) }, () =>
			JSON.parse(
				execFileSync(process.execPath, [path.join(benchDir, 'load-child.js'), root], {
					encoding: 'utf8',
				}),
			),
		);
		const loadMs = median(loads.map((sample) => sample.packageMs));
		return {
			packageMs: round(loadMs),
			n8nWorkflowMs: round(median(loads.map((sample) => sample.n8nWorkflowMs))),
			ratio: round(loadMs / 30),
			goal: '<= 30 ms (ratio <= 1)',
		};
	},
};
