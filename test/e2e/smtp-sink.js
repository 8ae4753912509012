'use strict';
/*
 * Tiny SMTP sink on 127.0.0.1 for the e2e tests (plain Node `net`, no deps, no TLS).
 * Accepts any AUTH, records each message: { from, to: [...], data }.
 *
 *   const sink = await startSmtpSink();  // sink.port, sink.messages, await sink.close()
 */
const net = require('net');

const EHLO =
	'250-e2e-smtp-sink\r\n250-AUTH PLAIN LOGIN\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 10485760\r\n';
const addr = (arg) => (arg.match(/<([^>]*)>/) || [])[1] || arg;

/** AUTH LOGIN / PLAIN: asks for what the mechanism wants, then accepts whatever comes. */
function startAuth(s, arg) {
	const [mech, initial] = arg.split(' ');
	if (/^login$/i.test(mech)) {
		s.mode = initial ? 'auth-login-pass' : 'auth-login-user';
		return s.reply(initial ? '334 UGFzc3dvcmQ6' : '334 VXNlcm5hbWU6');
	}
	if (/^plain$/i.test(mech) && !initial) {
		s.mode = 'auth-plain';
		return s.reply('334 ');
	}
	return s.reply('235 2.7.0 Authentication successful');
}

function command(s, line) {
	const [verb, ...rest] = line.split(' ');
	const arg = rest.join(' ');
	switch (verb.toUpperCase()) {
		case 'EHLO':
			return s.sock.write(EHLO);
		case 'HELO':
			return s.reply('250 e2e-smtp-sink');
		case 'AUTH':
			return startAuth(s, arg);
		case 'MAIL':
			s.cur.from = addr(arg);
			return s.reply('250 OK');
		case 'RCPT':
			s.cur.to.push(addr(arg));
			return s.reply('250 OK');
		case 'DATA':
			s.mode = 'data';
			return s.reply('354 End data with <CR><LF>.<CR><LF>');
		case 'RSET':
			s.cur = { from: null, to: [], data: '' };
			return s.reply('250 OK');
		case 'NOOP':
			return s.reply('250 OK');
		case 'QUIT':
			s.reply('221 Bye');
			return s.sock.end();
		default:
			return s.reply('502 Command not implemented');
	}
}

/** One line from the client, by the session's mode. */
function handle(s, line) {
	if (s.mode === 'data') {
		if (line !== '.') {
			s.cur.data += (line.startsWith('..') ? line.slice(1) : line) + '\r\n';
			return;
		}
		s.messages.push(s.cur);
		s.cur = { from: null, to: [], data: '' };
		s.mode = 'cmd';
		return s.reply(`250 OK queued as ${s.messages.length}`);
	}
	if (s.mode === 'auth-login-user') {
		s.mode = 'auth-login-pass';
		return s.reply('334 UGFzc3dvcmQ6');
	}
	if (s.mode === 'auth-login-pass' || s.mode === 'auth-plain') {
		s.mode = 'cmd';
		return s.reply('235 2.7.0 Authentication successful');
	}
	return command(s, line);
}

function session(sock, messages) {
	sock.setEncoding('utf8');
	// mode: cmd | data | auth-login-user | auth-login-pass | auth-plain
	const s = { sock, messages, mode: 'cmd', cur: { from: null, to: [], data: '' } };
	s.reply = (line) => sock.write(`${line}\r\n`);
	s.reply('220 e2e-smtp-sink ESMTP ready');
	let buf = '';
	sock.on('data', (chunk) => {
		buf += chunk;
		let i;
		while ((i = buf.indexOf('\r\n')) >= 0 || (s.mode !== 'data' && (i = buf.indexOf('\n')) >= 0)) {
			const crlf = buf[i] === '\r';
			const line = buf.slice(0, i);
			buf = buf.slice(i + (crlf ? 2 : 1));
			handle(s, line);
		}
	});
}

function startSmtpSink({ host = '127.0.0.1', port = 0 } = {}) {
	const messages = [];
	const sockets = new Set();
	const server = net.createServer((sock) => {
		sockets.add(sock);
		sock.on('close', () => sockets.delete(sock));
		sock.on('error', () => {});
		session(sock, messages);
	});
	const close = () =>
		new Promise((r) => {
			for (const s of sockets) s.destroy();
			server.close(() => r());
		});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () =>
			resolve({ port: server.address().port, host, messages, close }),
		);
	});
}

module.exports = { startSmtpSink };
