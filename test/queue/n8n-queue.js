'use strict';
/*
 * n8n in queue mode for the suite: the credential and the workflow imported and published with
 * the CLI, one main (EXECUTIONS_MODE=queue) and `n8n worker` processes, all on the same
 * PostgreSQL, Redis and user folder. Each process has its own task-runner broker port.
 */
const fs = require('fs');
const path = require('path');
const h = require('../e2e/n8n-harness');
const { startProcess, freePort, waitFor } = require('./procs');

/** The environment every n8n process of the run shares (queue mode, PostgreSQL, Redis). */
function queueEnv(info, userFolder, { redis, pg }) {
	const env = h.n8nEnv(info, userFolder, {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_DATABASE: pg.database,
		DB_POSTGRESDB_USER: pg.user,
		DB_POSTGRESDB_PASSWORD: 'trust-auth-on-loopback',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_LOG_LEVEL: 'info',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '30',
		// Binary data (generated images) must be readable by whichever process runs the next node
		// or answers the webhook: in PostgreSQL, shared by all (n8n 2.x's queue-mode default, set
		// here so the run says so; `filesystem` would need a folder shared by every process).
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
	});
	delete env.NODE_ENV;
	return env;
}

/** import:credentials, import:workflow, publish:workflow (2.x activates by publishing). */
async function importAndPublish(info, env, dir, { credentials, workflows }) {
	const files = {
		credentials,
		...Object.fromEntries(workflows.map((w) => [`workflow-${w.id}`, w])),
	};
	const steps = [];
	for (const [name, data] of Object.entries(files)) {
		const file = path.join(dir, `${name}.json`);
		fs.writeFileSync(file, JSON.stringify(data, null, 2));
		steps.push([`import:${name.split('-')[0]}`, `--input=${file}`]);
	}
	for (const workflow of workflows) steps.push(['publish:workflow', `--id=${workflow.id}`]);
	const t0 = Date.now();
	for (const args of steps) {
		const res = await h.runN8n(info, args, env, { timeoutMs: 180000 });
		if (res.code !== 0)
			throw new Error(`n8n ${args[0]} failed (${res.code}):\n${res.stdout}\n${res.stderr}`);
	}
	fs.rmSync(path.join(dir, 'credentials.json'), { force: true });
	return Date.now() - t0;
}

const ok = async (url) => (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;

async function startMain(info, env, dir) {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const proc = startProcess('main', info.node, [info.bin, 'start'], {
		env: {
			...env,
			N8N_PORT: String(port),
			N8N_EDITOR_BASE_URL: `${url}/`,
			WEBHOOK_URL: `${url}/`,
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		},
		logFile: path.join(dir, 'n8n-main.log'),
	});
	const ms = await waitFor('n8n main', () => ok(`${url}/healthz/readiness`), {
		proc,
		timeoutMs: 180000,
	});
	return { proc, url, port, ms };
}

async function startWorker(info, env, dir, name, concurrency) {
	const port = await freePort();
	const proc = startProcess(name, info.node, [info.bin, 'worker', `--concurrency=${concurrency}`], {
		env: {
			...env,
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(port),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		},
		logFile: path.join(dir, `n8n-${name}.log`),
	});
	const url = `http://127.0.0.1:${port}/healthz/readiness`;
	const ms = await waitFor(`n8n ${name}`, () => ok(url), { proc, timeoutMs: 180000 });
	return { proc, name, ms, concurrency };
}

/** Execution ids a worker's log says it started / finished ("Worker started execution 12 (job 3)"). */
function workerExecutions(worker) {
	const ids = (re) => [...worker.proc.output().matchAll(re)].map((m) => Number(m[1]));
	return {
		started: ids(/Worker started execution (\d+) \(job/g),
		finished: ids(/Worker finished execution (\d+) \(job/g),
	};
}

module.exports = {
	queueEnv,
	importAndPublish,
	startMain,
	startWorker,
	workerExecutions,
};
