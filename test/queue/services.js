'use strict';
/*
 * Redis and PostgreSQL for the queue suite, as children of the run on 127.0.0.1 and free
 * ports, their data in the run's temporary folder. Debian's packages (redis-server,
 * postgresql = 15 on bookworm) are installed with apt-get when missing (CI runs as root).
 */
const fs = require('fs');
const net = require('net');
const path = require('path');
const { spawnSync } = require('child_process');
const { startProcess, freePort, waitFor } = require('./procs');

function postgresBin() {
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root)
		? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'postgres')))
		: [];
	versions.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(root, versions[0], 'bin') : null;
}

function hasRedis() {
	return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** apt-get installs what is missing; returns a note of what it did. */
function ensureAptPackages() {
	const missing = [];
	if (!hasRedis()) missing.push('redis-server');
	if (!postgresBin()) missing.push('postgresql');
	if (!missing.length) return 'redis-server and postgresql present';
	const opts = { stdio: ['ignore', 2, 2], timeout: 15 * 60 * 1000 };
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	spawnSync('apt-get', ['update', '-q'], { ...opts, env });
	const res = spawnSync('apt-get', ['install', '-y', '-q', ...missing], { ...opts, env });
	if (res.status !== 0) throw new Error(`apt-get install ${missing.join(' ')} failed`);
	if (!hasRedis() || !postgresBin()) throw new Error('redis-server or postgres still missing');
	return `installed ${missing.join(', ')}`;
}

/** Sends one inline Redis command; resolves the first reply line. */
function redisCommand(port, command) {
	return new Promise((resolve, reject) => {
		const socket = net.connect(port, '127.0.0.1');
		let data = '';
		socket.setTimeout(2000, () => socket.destroy(new Error('redis timeout')));
		socket.on('error', reject);
		socket.on('data', (d) => {
			data += d;
			if (data.includes('\r\n')) {
				socket.end();
				resolve(data.split('\r\n')[0]);
			}
		});
		socket.write(`${command}\r\n`);
	});
}

async function startRedis(dir) {
	const port = await freePort();
	const dataDir = path.join(dir, 'redis');
	fs.mkdirSync(dataDir, { recursive: true });
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
	const proc = startProcess('redis', 'redis-server', [...args, '--dir', dataDir], {
		logFile: path.join(dir, 'redis.log'),
	});
	const ms = await waitFor('redis', async () => (await redisCommand(port, 'PING')) === '+PONG', {
		proc,
	});
	return { proc, port, ms };
}

function idOf(name, flag) {
	const res = spawnSync('id', [flag, name], { encoding: 'utf8' });
	if (res.status !== 0) throw new Error(`no ${name} account (id ${flag} ${name})`);
	return Number(res.stdout.trim());
}

/** initdb + postgres as the `postgres` account in <dir>/pg, trust auth on 127.0.0.1 only. */
async function startPostgres(dir) {
	const bin = postgresBin();
	const uid = idOf('postgres', '-u');
	const gid = idOf('postgres', '-g');
	const data = path.join(dir, 'pg');
	fs.mkdirSync(data, { mode: 0o700 });
	fs.chownSync(data, uid, gid);
	const asPostgres = { uid, gid, cwd: data, encoding: 'utf8', timeout: 120000 };
	const init = spawnSync(
		path.join(bin, 'initdb'),
		['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'],
		asPostgres,
	);
	if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.error}`);
	const port = await freePort();
	const args = ['-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', data, '-c', 'fsync=off'];
	const proc = startProcess('postgres', path.join(bin, 'postgres'), args, {
		uid,
		gid,
		cwd: data,
		logFile: path.join(dir, 'postgres.log'),
	});
	const psql = (sql, db = 'postgres') =>
		spawnSync(
			path.join(bin, 'psql'),
			['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', db, '-tAc', sql],
			{ encoding: 'utf8', timeout: 30000 },
		);
	const ms = await waitFor('postgres', async () => psql('select 1').status === 0, { proc });
	const created = psql('create database n8n');
	if (created.status !== 0) throw new Error(`create database failed: ${created.stderr}`);
	const query = (sql) => {
		const res = psql(sql, 'n8n');
		if (res.status !== 0) throw new Error(`psql: ${res.stderr}`);
		return res.stdout.trim();
	};
	return {
		proc,
		port,
		ms,
		database: 'n8n',
		user: 'postgres',
		query,
		version: path.basename(path.dirname(bin)),
	};
}

module.exports = { ensureAptPackages, startRedis, startPostgres, postgresBin };
