'use strict';
/*
 * Minimal loopback Dataoorts API mock for the e2e tests (plain Node, no deps).
 *
 *   const mock = await startMockDataoorts({ apiKey: 'e2e-key' });
 *   mock.baseUrl   -> http://127.0.0.1:<port>/api/v1
 *   mock.requests  -> [{ method, url, headers, body }]
 *   await mock.close();
 *
 * Accepts POST on any path (the node posts to its baseUrl). Behaviour:
 *   - missing/wrong "Authorization: Bearer <apiKey>"  -> 401 {success:false, errors:[...]}
 *   - a message containing "E2E_FAIL"                 -> 400 {success:false, errors:[...]}
 *   - otherwise 200 with result.response = "E2E answer #<n> to: <last user message>"
 */
const http = require('http');

function startMockDataoorts({ apiKey = 'e2e-key', host = '127.0.0.1', port = 0 } = {}) {
	const requests = [];
	let counter = 0;
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			let body = null;
			try {
				body = raw ? JSON.parse(raw) : null;
			} catch {
				body = raw;
			}
			requests.push({ method: req.method, url: req.url, headers: req.headers, body });
			const send = (status, obj) => {
				const text = JSON.stringify(obj);
				res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
				res.end(text);
			};
			if (req.method !== 'POST') return send(404, { success: false, errors: [{ code: 404, message: 'not found' }], messages: [], result: null });
			if (req.headers.authorization !== `Bearer ${apiKey}`) {
				return send(401, { success: false, errors: [{ code: 10000, message: 'Authentication error' }], messages: [], result: null });
			}
			const messages = body && body.data && Array.isArray(body.data.messages) ? body.data.messages : null;
			if (!body || typeof body.model !== 'string' || !messages) {
				return send(400, { success: false, errors: [{ code: 5006, message: 'Bad input: expected {model, data:{messages}}' }], messages: [], result: null });
			}
			if (messages.some((m) => String(m && m.content).includes('E2E_FAIL'))) {
				return send(400, { success: false, errors: [{ code: 3030, message: 'E2E forced failure' }], messages: [], result: null });
			}
			counter += 1;
			const lastUser = [...messages].reverse().find((m) => m && m.role === 'user');
			const prompt = lastUser ? String(lastUser.content) : '';
			const response = `E2E answer #${counter} to: ${prompt}`;
			const promptTokens = messages.reduce((n, m) => n + String(m.content || '').split(/\s+/).filter(Boolean).length, 0);
			const completionTokens = response.split(/\s+/).length;
			send(200, {
				errors: [],
				messages: [],
				result: {
					response,
					tool_calls: [],
					usage: { completion_tokens: completionTokens, prompt_tokens: promptTokens, total_tokens: completionTokens + promptTokens },
				},
				success: true,
			});
		});
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			const addr = server.address();
			resolve({
				server,
				port: addr.port,
				url: `http://${host}:${addr.port}`,
				baseUrl: `http://${host}:${addr.port}/api/v1`,
				requests,
				close: () => new Promise((r) => server.close(() => r())),
			});
		});
	});
}

module.exports = { startMockDataoorts };

if (require.main === module) {
	startMockDataoorts({ port: Number(process.env.PORT || 0), apiKey: process.env.API_KEY || 'e2e-key' }).then((m) => console.log(`mock Dataoorts API on ${m.baseUrl}`));
}
