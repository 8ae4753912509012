'use strict';
/*
 * Workflow checks, part 1: n8n itself, rows to a CSV file, rows to e-mail (the seed request: seed.js).
 * Entry fields are described in checks/index.js.
 */
const fs = require('fs');
const path = require('path');
const { assert, J } = require('../lib/reporter');
const { nodeOutput, nodeError } = require('../n8n-harness');
const { parseCsv } = require('../lib/csv');

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

module.exports = [smoke, rowsToCsv, rowsToEmail];
