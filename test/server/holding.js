// A loopback server in a process of its own that keeps no request body and answers nothing until
// told: it reads each request to its end, prints "held <n> <bytes>" once n requests are all in, and
// answers every held request with a success envelope when a line comes on its stdin. The
// image-memory test measures the node's own process while all its requests are in flight.
'use strict';

const http = require('node:http');

const expected = Number(process.argv[2] ?? 1);
/** @type {Array<import('node:http').ServerResponse>} */
const held = [];
let received = 0;
const answer = JSON.stringify({
	success: true,
	errors: [],
	messages: [],
	result: { response: 'seen', usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } },
});

const server = http.createServer((req, res) => {
	let bytes = 0;
	req.on('data', (chunk) => (bytes += chunk.length));
	req.on('end', () => {
		held.push(res);
		received += bytes;
		if (held.length === expected) process.stdout.write(`held ${held.length} ${received}\n`);
	});
});

process.stdin.on('data', () => {
	for (const res of held.splice(0)) {
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(answer);
	}
});
process.stdin.on('end', () => process.exit(0));

server.listen(0, '127.0.0.1', () => {
	process.stdout.write(
		`port ${/** @type {import('node:net').AddressInfo} */ (server.address()).port}\n`,
	);
});
