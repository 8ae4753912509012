'use strict';
/*
 * Tiny SMTP sink on 127.0.0.1 for the e2e tests (plain Node `net`, no deps, no TLS).
 * Accepts any AUTH, records each message: { from, to: [...], data }.
 *
 *   const sink = await startSmtpSink();  // sink.port, sink.messages, await sink.close()
 */
const net = require('net');

function startSmtpSink({ host = '127.0.0.1', port = 0 } = {}) {
	const messages = [];
	const sockets = new Set();
	const server = net.createServer((sock) => {
		sockets.add(sock);
		sock.on('close', () => sockets.delete(sock));
		sock.on('error', () => {});
		sock.setEncoding('utf8');
		let buf = '';
		let mode = 'cmd'; // cmd | data | auth-login-user | auth-login-pass | auth-plain
		let cur = { from: null, to: [], data: '' };
		const reply = (line) => sock.write(`${line}\r\n`);
		reply('220 e2e-smtp-sink ESMTP ready');
		const handle = (line) => {
			if (mode === 'data') {
				if (line === '.') {
					messages.push({ from: cur.from, to: cur.to, data: cur.data });
					cur = { from: null, to: [], data: '' };
					mode = 'cmd';
					return reply(`250 OK queued as ${messages.length}`);
				}
				cur.data += (line.startsWith('..') ? line.slice(1) : line) + '\r\n';
				return;
			}
			if (mode === 'auth-login-user') {
				mode = 'auth-login-pass';
				return reply('334 UGFzc3dvcmQ6');
			}
			if (mode === 'auth-login-pass' || mode === 'auth-plain') {
				mode = 'cmd';
				return reply('235 2.7.0 Authentication successful');
			}
			const [verb, ...rest] = line.split(' ');
			const arg = rest.join(' ');
			switch (verb.toUpperCase()) {
				case 'EHLO':
					return sock.write(
						'250-e2e-smtp-sink\r\n250-AUTH PLAIN LOGIN\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 10485760\r\n',
					);
				case 'HELO':
					return reply('250 e2e-smtp-sink');
				case 'AUTH': {
					const [mech, initial] = arg.split(' ');
					if (/^login$/i.test(mech)) {
						if (initial) {
							mode = 'auth-login-pass';
							return reply('334 UGFzc3dvcmQ6');
						}
						mode = 'auth-login-user';
						return reply('334 VXNlcm5hbWU6');
					}
					if (/^plain$/i.test(mech) && !initial) {
						mode = 'auth-plain';
						return reply('334 ');
					}
					return reply('235 2.7.0 Authentication successful');
				}
				case 'MAIL':
					cur.from = (arg.match(/<([^>]*)>/) || [])[1] || arg;
					return reply('250 OK');
				case 'RCPT':
					cur.to.push((arg.match(/<([^>]*)>/) || [])[1] || arg);
					return reply('250 OK');
				case 'DATA':
					mode = 'data';
					return reply('354 End data with <CR><LF>.<CR><LF>');
				case 'RSET':
					cur = { from: null, to: [], data: '' };
					return reply('250 OK');
				case 'NOOP':
					return reply('250 OK');
				case 'QUIT':
					reply('221 Bye');
					return sock.end();
				default:
					return reply('502 Command not implemented');
			}
		};
		sock.on('data', (chunk) => {
			buf += chunk;
			let i;
			while ((i = buf.indexOf('\r\n')) >= 0 || (mode !== 'data' && (i = buf.indexOf('\n')) >= 0)) {
				const crlf = buf[i] === '\r';
				const line = buf.slice(0, i);
				buf = buf.slice(i + (crlf ? 2 : 1));
				handle(line);
			}
		});
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			resolve({
				port: server.address().port,
				host,
				messages,
				close: () =>
					new Promise((r) => {
						for (const s of sockets) s.destroy();
						server.close(() => r());
					}),
			});
		});
	});
}

module.exports = { startSmtpSink };
