'use strict';
/*
 * The queue suite's set-up and tear-down steps, each on the shared run context `ctx` (see
 * run-queue.js), each returning a short note for its line.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ensureN8n } = require('../e2e/install-n8n');
const { buildAndPack } = require('../e2e/lib/pack');
const { installCommunityPackage } = require('../e2e/n8n-harness');
const services = require('./services');
const n8n = require('./n8n-queue');
const { startStandIn } = require('./standin');
const wf = require('./workflow');
const { imageWorkflow } = require('./image-workflow');

function n8nInCache(ctx, version) {
	const t0 = Date.now();
	ctx.info = ensureN8n(version);
	const how = ctx.info.cached ? 'cached' : 'installed';
	return `${ctx.info.version} on Node ${ctx.info.nodeVersion}, ${how} in ${((Date.now() - t0) / 1000).toFixed(1)} s`;
}

async function runFolder(ctx) {
	ctx.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dataoorts-queue-'));
	fs.chmodSync(ctx.dir, 0o755); // the postgres account reaches its data folder inside
	ctx.userFolder = path.join(ctx.dir, 'user');
	fs.mkdirSync(ctx.userFolder);
	return ctx.dir;
}

async function startServices(ctx) {
	ctx.redis = await services.startRedis(ctx.dir);
	ctx.pg = await services.startPostgres(ctx.dir);
	ctx.started.push(ctx.redis.proc, ctx.pg.proc);
	return `redis :${ctx.redis.port} (${ctx.redis.ms} ms), postgres ${ctx.pg.version} :${ctx.pg.port} (${ctx.pg.ms} ms)`;
}

async function importWorkflow(ctx) {
	ctx.standIn = await startStandIn(ctx.account);
	ctx.env = n8n.queueEnv(ctx.info, ctx.userFolder, { redis: ctx.redis, pg: ctx.pg });
	const ms = await n8n.importAndPublish(ctx.info, ctx.env, ctx.dir, {
		credentials: wf.credentials(ctx.standIn.apiKey, ctx.standIn.baseUrl),
		workflows: [wf.workflow(), imageWorkflow()],
	});
	const a = ctx.account;
	return `${ms} ms; stand-in ${ctx.standIn.baseUrl}, ${a.latencyMs} ms latency, limit ${a.ratePerSecond}/s burst ${a.burst}`;
}

async function startN8n(ctx) {
	ctx.main = await n8n.startMain(ctx.info, ctx.env, ctx.dir);
	ctx.started.unshift(ctx.main.proc);
	const names = Array.from({ length: ctx.workerCount }, (_, i) => `worker-${i + 1}`);
	ctx.workers = await Promise.all(
		names.map((name) => n8n.startWorker(ctx.info, ctx.env, ctx.dir, name, ctx.workerConcurrency)),
	);
	ctx.started.unshift(...ctx.workers.map((w) => w.proc));
	return `main ${ctx.main.url} in ${ctx.main.ms} ms; ${ctx.workers.map((w) => `${w.name} in ${w.ms} ms`).join(', ')}`;
}

/** n8n first (gracefully), then Redis and PostgreSQL; every group is gone afterwards. */
async function stopAll(ctx) {
	const notes = [];
	for (const proc of ctx.started) {
		const r = await proc.stop('SIGTERM', 45000, { leaderOnly: /main|worker/.test(proc.name) });
		if (r.ms) notes.push(`${proc.name} ${r.killed ? 'SIGKILLed' : `exit ${r.code ?? r.signal}`}`);
	}
	if (ctx.standIn) await ctx.standIn.close();
	const left = ctx.started.filter((p) => p.isRunning()).map((p) => p.name);
	if (left.length) throw new Error(`still running: ${left.join(', ')}`);
	return notes.join(', ');
}

/** The e2e suite's tarball (built and packed in a temporary copy), installed the README's way. */
function packAndInstall(ctx) {
	ctx.tarball = buildAndPack(ctx.dir);
	const pkg = installCommunityPackage(ctx.userFolder, ctx.tarball);
	return `${path.basename(ctx.tarball)} → ${pkg.nodesDir} (${pkg.name}@${pkg.version})`;
}

/** Removes the run folder; with `keepLogs` (a failed run) its *.log files stay. */
function cleanUp(ctx, { keepLogs }) {
	for (const entry of fs.readdirSync(ctx.dir))
		if (!keepLogs || !entry.endsWith('.log'))
			fs.rmSync(path.join(ctx.dir, entry), { recursive: true, force: true });
	if (!keepLogs) fs.rmSync(ctx.dir, { recursive: true, force: true });
}

module.exports = {
	cleanUp,
	aptPackages: () => services.ensureAptPackages(),
	n8nInCache,
	runFolder,
	packAndInstall,
	startServices,
	importWorkflow,
	startN8n,
	stopAll,
};
