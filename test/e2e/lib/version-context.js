'use strict';
/*
 * One n8n version's surroundings: a fresh user folder, the Dataoorts stand-in, the SMTP sink,
 * n8n's environment, and importing the credentials and every workflow.
 */
const fs = require('fs');
const net = require('net');
const path = require('path');
const h = require('../n8n-harness');
const { startDataoortsServer } = require('../../server/dataoorts-server.js');
const { startSmtpSink } = require('../smtp-sink');
const { API_KEY, EXAMPLE_OUT_DIR } = require('./constants');
const { J, assert } = require('./reporter');

const REPO = path.resolve(__dirname, '..', '..', '..');
// The user-facing examples and the e2e's own smoke workflow.
const WORKFLOW_DIRS = [path.join(REPO, 'examples'), path.join(__dirname, '..', 'fixtures')];

function freePort() {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

async function openContext(info) {
	const userFolder = h.makeUserFolder(info.version);
	const outDir = path.join(userFolder, 'files');
	const work = path.join(userFolder, 'e2e-work');
	fs.mkdirSync(outDir, { recursive: true });
	fs.mkdirSync(work, { recursive: true });
	const api = await startDataoortsServer({ apiKey: API_KEY });
	const smtp = await startSmtpSink();
	const env = h.n8nEnv(info, userFolder, {
		N8N_RESTRICT_FILE_ACCESS_TO: outDir,
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
	});
	return { info, userFolder, outDir, work, api, smtp, env, timings: {}, workflows: {} };
}

async function closeContext(ctx, keep) {
	const label = `n8n ${ctx.info.version}`;
	console.log(`# ${label} timings (ms): ${J(ctx.timings)}`);
	console.log(
		`# ${label} Dataoorts API: ${ctx.api.requests.length} requests; SMTP sink: ${ctx.smtp.messages.length} mails`,
	);
	await ctx.api.close();
	await ctx.smtp.close();
	if (!keep) fs.rmSync(ctx.userFolder, { recursive: true, force: true });
	else console.log(`# kept user folder ${ctx.userFolder}`);
}

async function importCredentials(ctx) {
	const t = Date.now();
	const dataoorts = { apiKey: API_KEY, baseUrl: ctx.api.baseUrl };
	const smtp = { user: '', password: '', host: '127.0.0.1', port: ctx.smtp.port };
	await h.importCredentials(
		ctx.info,
		ctx.env,
		[
			{ id: 'E2eDataoortsCred', name: 'Dataoorts account', type: 'dataoortsApi', data: dataoorts },
			{
				id: 'E2eSmtpSinkCred1',
				name: 'SMTP sink E2E',
				type: 'smtp',
				data: { ...smtp, secure: false, disableStartTls: true },
			},
		],
		ctx.work,
	);
	ctx.timings.importCredentials = Date.now() - t;
}

/**
 * Every workflow in one import (each n8n command costs ~2-3 s of start-up); fills ctx.workflows.
 * `entries`: table entries with a `source` elsewhere in the repository, imported as their
 * `workflow` under their `workflowId`.
 */
async function importWorkflows(ctx, entries = []) {
	const wfDir = path.join(ctx.work, 'workflows');
	fs.mkdirSync(wfDir, { recursive: true });
	const add = (file, name, id) => {
		const wf = JSON.parse(fs.readFileSync(file, 'utf8').split(EXAMPLE_OUT_DIR).join(ctx.outDir));
		if (id) wf.id = id;
		ctx.workflows[name] = wf;
		fs.writeFileSync(path.join(wfDir, name), JSON.stringify(wf, null, '\t'));
	};
	for (const dir of WORKFLOW_DIRS)
		for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json')))
			add(path.join(dir, f), f);
	for (const e of entries.filter((x) => x.source)) {
		assert(!ctx.workflows[e.workflow], `${e.source}: ${e.workflow} is already an example's name`);
		add(path.join(REPO, e.source), e.workflow, e.workflowId);
	}
	const ids = Object.values(ctx.workflows).map((wf) => wf.id);
	const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
	assert(!twice.length, `workflow ids imported twice (one would replace the other): ${twice}`);
	const t = Date.now();
	const imp = await h.runN8n(
		ctx.info,
		['import:workflow', '--separate', `--input=${wfDir}`],
		ctx.env,
	);
	ctx.timings.importWorkflows = Date.now() - t;
	if (imp.code !== 0)
		throw new Error(`import:workflow exited ${imp.code}\n${imp.stdout}\n${imp.stderr}`);
	return Object.keys(ctx.workflows).length;
}

/** Examples that no table entry runs (every example must be checked). */
function examplesWithoutCheck(checks) {
	const checked = new Set(checks.map((c) => c.workflow));
	return fs
		.readdirSync(path.join(REPO, 'examples'))
		.filter((f) => f.endsWith('.json') && !checked.has(f));
}

module.exports = {
	freePort,
	openContext,
	closeContext,
	importCredentials,
	importWorkflows,
	examplesWithoutCheck,
};
