'use strict';
/*
 * Workflow checks, part 1: n8n itself, the seed request, rows to a CSV file, rows to e-mail.
 * Entry fields are described in checks/index.js.
 */
const fs = require('fs');
const path = require('path');
const { assert, J } = require('../lib/reporter');
const { nodeOutput, nodeError } = require('../n8n-harness');
const { parseCsv } = require('../lib/csv');
const { API_KEY } = require('../lib/constants');

const smoke = {
	id: '00-smoke-set',
	title: 'smoke workflow (Manual Trigger -> Set)',
	workflow: '00-smoke-set.json',
	versions: 'all',
	verify({ run }) {
		const out = nodeOutput(run, 'Set');
		assert(J(out) === J([{ greeting: 'hello e2e', answer: 42 }]), `Set output ${J(out)}`);
	},
};

const seedRequest = {
	id: '01-seed-request',
	title: 'seed request (Manual Trigger -> Dataoorts)',
	workflow: '01-seed-request.json',
	versions: 'all',
	verify({ run, requests }) {
		assert(requests.length === 1, `expected 1 API request, got ${requests.length}`);
		const req = requests[0];
		assert(req.method === 'POST', `method ${req.method}`);
		assert(
			req.headers.authorization === `Bearer ${API_KEY}`,
			`authorization ${req.headers.authorization}`,
		);
		const b = req.body;
		assert(b.model === 'google/gemma-3-12b-it', `model ${b.model}`);
		assert(
			J(b.data.messages) ===
				J([
					{ role: 'system', content: 'You are an expert deep learning engineer' },
					{ role: 'user', content: 'What is Deep Learning' },
				]),
			`messages ${J(b.data.messages)}`,
		);
		const want = { temperature: 0.1, top_p: 0.9, top_k: 40, max_tokens: 512 };
		for (const [k, v] of Object.entries(want))
			assert(b.data[k] === v, `data.${k} = ${J(b.data[k])}, want ${v} (body ${J(b)})`);
		const out = nodeOutput(run, 'Dataoorts');
		assert(out && out.length === 1, `Dataoorts output ${J(out)}`);
		const o = out[0];
		assert(
			typeof o.response === 'string' &&
				o.response.startsWith("Okay, let's break down Deep Learning."),
			`response ${J(o.response)}`,
		);
		assert(
			J(o.usage) === J({ prompt_tokens: 21, completion_tokens: 512, total_tokens: 533 }),
			`usage ${J(o.usage)}`,
		);
		assert(
			o.usage && Number.isInteger(o.usage.total_tokens) && o.usage.total_tokens > 0,
			`usage ${J(o.usage)}`,
		);
		assert(Array.isArray(o.tool_calls), `tool_calls ${J(o.tool_calls)}`);
		assert(o.model === 'google/gemma-3-12b-it', `model ${J(o.model)}`);
		return `response ${J(o.response.slice(0, 60))}...`;
	},
};

const rowsToCsv = {
	id: '02-rows-to-csv',
	title: 'rows -> Dataoorts -> CSV file',
	workflow: '02-rows-to-csv.json',
	versions: 'all',
	verify({ run, requests, ctx }) {
		const rows = nodeOutput(run, 'Rows');
		assert(rows && rows.length === 3, `Rows output ${J(rows)}`);
		assert(requests.length === 3, `expected 3 API requests, got ${requests.length}`);
		const file = path.join(ctx.outDir, 'answers.csv');
		assert(
			fs.existsSync(file),
			`${file} not written; Write CSV: ${J(nodeError(run, 'Write CSV'))}`,
		);
		const csv = parseCsv(fs.readFileSync(file, 'utf8'));
		const header = csv[0];
		const col = header.indexOf('response');
		assert(col >= 0, `no response column in CSV header ${J(header)}`);
		const data = csv.slice(1);
		assert(
			data.length === 3,
			`CSV has ${data.length} data rows:\n${fs.readFileSync(file, 'utf8')}`,
		);
		rows.forEach((r, i) => {
			assert(
				data[i][col].includes(`Row ${r.row}: explain ${r.topic}`),
				`CSV row ${i + 1} answer ${J(data[i][col])} is not for row ${r.row}`,
			);
		});
		return `${file}: ${data.length} rows`;
	},
};

const rowsToEmail = {
	id: '03-rows-to-email',
	title: 'rows -> Dataoorts -> Send Email (SMTP)',
	workflow: '03-rows-to-email.json',
	versions: 'all',
	verify({ run, ctx }) {
		const { smtp } = ctx;
		const rows = nodeOutput(run, 'Rows');
		assert(!nodeError(run, 'Send Email'), `Send Email error ${J(nodeError(run, 'Send Email'))}`);
		assert(
			smtp.messages.length === rows.length,
			`SMTP sink got ${smtp.messages.length} messages, want ${rows.length}`,
		);
		rows.forEach((r) => {
			const m = smtp.messages.find((x) => x.to.includes(r.email));
			assert(m, `no mail to ${r.email}; got ${J(smtp.messages.map((x) => x.to))}`);
			assert(
				new RegExp(`^Subject: Answer for row ${r.row}\\s*$`, 'm').test(m.data),
				`subject for row ${r.row} missing:\n${m.data.slice(0, 800)}`,
			);
			const body = m.data.replace(/=\r\n/g, '');
			assert(
				body.includes(`Row ${r.row}: ${r.question}`),
				`mail body for row ${r.row} lacks its answer:\n${m.data.slice(0, 1200)}`,
			);
		});
		return `${smtp.messages.length} mails`;
	},
};

module.exports = [smoke, seedRequest, rowsToCsv, rowsToEmail];
