'use strict';
/*
 * A tiny HTTP server that answers every request with one fixed page (e.g. an HTML login page with
 * status 200, what a captive portal or a wrong proxy serves) and counts requests and connections.
 * The credential-test checks use it for the HTML-200 case and, on this machine's non-loopback
 * address, as a sentinel that must never be reached over plain http.
 */
const http = require('http');
const os = require('os');

const HTML_PAGE =
	'<!doctype html><html><head><title>Sign in</title></head><body><h1>Sign in</h1></body></html>';

/**
 * @param {{ host?: string, status?: number, body?: string, contentType?: string }} [o]
 * @returns {Promise<{ origin, baseUrl, requests: object[], connections: () => number, close }>}
 */
async function startPageServer(o = {}) {
	const requests = [];
	let connections = 0;
	const sockets = new Set();
	const body = o.body ?? HTML_PAGE;
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			requests.push({
				method: req.method,
				url: req.url,
				headers: req.headers,
				rawBody: Buffer.concat(chunks).toString('utf8'),
			});
			res.writeHead(o.status ?? 200, {
				'content-type': o.contentType ?? 'text/html; charset=utf-8',
				'content-length': Buffer.byteLength(body),
			});
			res.end(body);
		});
	});
	server.on('connection', (socket) => {
		connections += 1;
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	const host = o.host ?? '127.0.0.1';
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, host, resolve);
	});
	const origin = `http://${host.includes(':') ? `[${host}]` : host}:${server.address().port}`;
	return {
		origin,
		baseUrl: `${origin}/api/v1`,
		requests,
		connections: () => connections,
		async close() {
			for (const s of sockets) s.destroy();
			await new Promise((resolve) => server.close(() => resolve()));
		},
	};
}

/** An IPv4 address of this machine that is not loopback (e.g. eth0's), or undefined. */
function nonLoopbackAddress() {
	for (const list of Object.values(os.networkInterfaces()))
		for (const a of list || []) if (a.family === 'IPv4' && !a.internal) return a.address;
	return undefined;
}

module.exports = { startPageServer, nonLoopbackAddress, HTML_PAGE };
