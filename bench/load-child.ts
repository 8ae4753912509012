/**
 * Time to require the built node and credential, as n8n does at start for every community
 * package. n8n-workflow is already loaded in n8n, so it is loaded (and timed) first, apart.
 */
import path from 'node:path';

const root = process.argv[2];
const manifest = require(path.join(root, 'package.json'));

let started = performance.now();
require(require.resolve('n8n-workflow', { paths: [root] }));
const n8nWorkflowMs = performance.now() - started;

started = performance.now();
for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
	const exported = require(path.join(root, file));
	for (const value of Object.values(exported))
		if (typeof value === 'function') new (value as new () => unknown)();
}
const packageMs = performance.now() - started;

process.stdout.write(JSON.stringify({ packageMs, n8nWorkflowMs }));
