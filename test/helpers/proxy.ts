/** A minimal HTTP forward proxy on 127.0.0.1 (CONNECT tunnels and absolute-form requests) that counts what it carried. */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TestProxy {
	url: string;
	/** Targets seen, e.g. "127.0.0.1:43210". */
	targets: string[];
	close(): Promise<void>;
}

export async function startTestProxy(): Promise<TestProxy> {
	const targets: string[] = [];
	const sockets = new Set<import('node:stream').Duplex>();
	const server = http.createServer((req, res) => {
		// Absolute-form: "POST http://host:port/path".
		const target = new URL(req.url ?? '');
		targets.push(target.host);
		const upstream = http.request(
			{
				host: target.hostname,
				port: target.port,
				path: target.pathname + target.search,
				method: req.method,
				headers: req.headers,
			},
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		upstream.on('error', () => res.destroy());
		req.pipe(upstream);
	});
	server.on('connect', (req, client, head) => {
		targets.push(req.url ?? '');
		const [host, port] = (req.url ?? '').split(':');
		const upstream = net.connect(Number(port), host, () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			upstream.write(head);
			upstream.pipe(client);
			client.pipe(upstream);
		});
		for (const socket of [upstream, client]) {
			sockets.add(socket);
			socket.on('error', () => socket.destroy());
			socket.on('close', () => sockets.delete(socket));
		}
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		targets,
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
