/**
 * Debian's tinyproxy on 127.0.0.1, started and stopped by the test run, set up like squid's
 * default: CONNECT tunnels only to port 443, plain http forwarded. A client that tunnels plain
 * http through it is refused, as it would be by most corporate proxies.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Where Debian installs it; undefined when it is not installed (.ci/run installs it). */
export const TINYPROXY = ['/usr/bin/tinyproxy', '/usr/sbin/tinyproxy'].find((file) =>
	existsSync(file),
);

const { freePort } = require('../e2e/lib/version-context') as { freePort(): Promise<number> };

export interface Tinyproxy {
	url: string;
	/** What it logged so far: one "Request" line per request, with its method and target. */
	log(): string;
	/**
	 * Its lines matching `pattern` once there are `count` of them, or after 5 s (the log comes
	 * through a pipe, a little after the answer).
	 */
	logged(pattern: string, count?: number): Promise<string[]>;
	close(): Promise<void>;
}

/** Whether something accepts connections on 127.0.0.1:`port`. */
function accepts(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.once('connect', () => (socket.destroy(), resolve(true)));
		socket.once('error', () => resolve(false));
	});
}

export async function startTinyproxy(): Promise<Tinyproxy> {
	const port = await freePort();
	const dir = mkdtempSync(path.join(tmpdir(), 'tinyproxy-'));
	const config = path.join(dir, 'tinyproxy.conf');
	writeFileSync(
		config,
		[
			`Port ${port}`,
			'Listen 127.0.0.1',
			'Allow 127.0.0.1',
			'Timeout 30',
			'MaxClients 128',
			'LogLevel Connect',
			'DisableViaHeader Yes',
			'ConnectPort 443',
		].join('\n'),
	);
	// -d: in the foreground, logging to stderr, so it ends with the test run.
	const child = spawn(TINYPROXY!, ['-d', '-c', config], { stdio: ['ignore', 'pipe', 'pipe'] });
	let log = '';
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.stdout.on('data', (chunk) => (log += chunk));
	child.stderr.on('data', (chunk) => (log += chunk));
	let gone = false;
	void exited.then(() => (gone = true));
	const ready = async () => {
		for (const started = Date.now(); !gone && Date.now() - started < 5000; ) {
			if (await accepts(port)) return;
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		throw new Error(`tinyproxy did not start:\n${log}`);
	};
	const close = async () => {
		child.kill('SIGTERM');
		await exited;
		rmSync(dir, { recursive: true, force: true });
	};
	await ready().catch(async (error: Error) => {
		await close();
		throw error;
	});
	const lines = (pattern: string) => log.split('\n').filter((line) => line.includes(pattern));
	const logged = async (pattern: string, count = 1) => {
		for (const started = Date.now(); lines(pattern).length < count && Date.now() - started < 5000; )
			await new Promise((resolve) => setTimeout(resolve, 20));
		return lines(pattern);
	};
	return { url: `http://127.0.0.1:${port}`, log: () => log, logged, close };
}
