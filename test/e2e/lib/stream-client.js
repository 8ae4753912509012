'use strict';
/*
 * A client of n8n's streaming responses (a Webhook or Chat Trigger with Response Mode Streaming):
 * n8n writes one JSON chunk a line ({ type: begin | item | end | error, content, metadata }). Each
 * line is kept with the moment, and the network arrival, it came in.
 */
const http = require('http');

/**
 * POSTs `body` as JSON to `url` and reads the streamed answer to its end.
 * @returns {Promise<{ status: number, chunks: Array<{ type: string, content?: string, metadata?: any, at: number, arrival: number }>, raw: string }>}
 */
function postStreaming(url, body, timeoutMs = 60000) {
	return new Promise((resolve, reject) => {
		const req = http.request(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			timeout: timeoutMs,
		});
		req.on('timeout', () => req.destroy(new Error(`no complete answer within ${timeoutMs} ms`)));
		req.on('error', reject);
		req.on('response', (res) => {
			const chunks = [];
			let raw = '';
			let line = '';
			let arrival = 0;
			res.setEncoding('utf8');
			res.on('data', (data) => {
				const at = performance.now();
				arrival += 1;
				raw += data;
				const lines = (line + data).split('\n');
				line = lines.pop();
				for (const text of lines) {
					if (text.trim() === '') continue;
					try {
						chunks.push({ ...JSON.parse(text), at, arrival });
					} catch {
						chunks.push({ type: 'unparsed', content: text, at, arrival });
					}
				}
			});
			res.on('end', () => {
				if (line.trim() !== '') chunks.push({ type: 'unparsed', content: line, at: 0, arrival });
				resolve({ status: res.statusCode, chunks, raw });
			});
			res.on('error', reject);
		});
		req.end(JSON.stringify(body));
	});
}

module.exports = { postStreaming };
