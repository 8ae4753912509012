'use strict';
/*
 * The e2e suite as a table: one entry per workflow check, run in this order on every n8n version
 * the entry applies to. The running machinery is in lib/ (install, harness, reporter).
 *
 *   id        the example's file name without .json (with the title, the check's name)
 *   workflow  file in examples/ or test/e2e/fixtures/ (all are imported before the first check)
 *   source / workflowId   optional: a workflow kept elsewhere in the repository (e.g.
 *             'test/fixtures/v1-seed-workflow.json'), imported as `workflow` under workflowId when
 *             its own id is another workflow's
 *   versions  'all', '>=2.16.0' or '<2.16.0': the n8n versions it runs on
 *   expect    'success' (default: `n8n execute` exits 0 with a successful run) or 'failure'
 *             (verify judges the raw result alone)
 *   before / after (ctx)           optional, around the execution (e.g. the stand-in's tool calls)
 *   server(ctx, srv)   instead of `n8n execute`: the workflow is published, and this runs against
 *             `n8n start` (srv.url), returning the check's note (lib/server-entries.js)
 *   verify({ run, requests, result, ctx })   throws on a failed assertion; may return a note.
 *             run: n8n's run JSON; requests: what the Dataoorts stand-in received meanwhile;
 *             result: { code, stdout, stderr, ms, run }; ctx: { api, smtp, outDir, info }
 */
const CHECKS = [
	...require('./basics'),
	...require('./seed'),
	...require('./outputs'),
	...require('./ai'),
	...require('./text-models'),
	...require('./streaming'),
	...require('./images'),
].sort((a, b) => a.id.localeCompare(b.id));

module.exports = { CHECKS };
