#!/usr/bin/env node
'use strict';
/*
 * End-to-end test against real n8n: installs the package tarball as a community package,
 * runs the example workflows with `n8n execute`, and checks the editor in headless chromium.
 *
 *   node test/e2e/run-e2e.js [--tarball=PATH] [--versions=2.41.1,1.123.x] [--no-editor]
 *                            [--artifacts=DIR] [--keep]
 *
 * Env (same meaning): E2E_TARBALL, E2E_N8N_VERSIONS, E2E_SKIP_EDITOR=1, E2E_ARTIFACTS_DIR,
 * E2E_KEEP=1, E2E_TIMEOUT_MINUTES (whole run, default 60), N8N_E2E_CACHE (n8n installs).
 * Without a tarball it runs `npm pack` of this repository into a temporary folder.
 * Needs: Node >= 20, npm, tar, and for the editor check Debian's chromium (/usr/bin/chromium).
 * Prints one line per check and a closing "e2e: N passed, N failed"; exits 1 on any failure.
 */
const fs = require('fs');
const os = require('os');
const net = require('net');
const path = require('path');
const { spawnSync } = require('child_process');
const { ensureN8n, ensurePlaywright, cacheRoot } = require('./install-n8n');
const h = require('./n8n-harness');
const { startDataoortsServer } = require('../server/dataoorts-server.js');
const { startSmtpSink } = require('./smtp-sink');
const { checkEditor } = require('./editor-check');

const REPO = path.resolve(__dirname, '..', '..');
// The user-facing examples (examples/) and the e2e's own smoke workflow (fixtures/). The CSV
// example writes to EXAMPLE_OUT_DIR; each run points it at its own folder.
const WORKFLOW_DIRS = [path.join(REPO, 'examples'), path.join(__dirname, 'fixtures')];
const EXAMPLE_OUT_DIR = '/tmp/n8n-dataoorts';
const NODE_TYPE = 'n8n-nodes-dataoorts.dataoorts';
const API_KEY = 'e2e-test-key';
const DEFAULT_VERSIONS = '2.41.1,1.123.x';
// The Dataoorts Chat Model sub-node needs @n8n/ai-node-sdk, which n8n ships from 2.16.0 on.
const AI_SDK_MIN_N8N = [2, 16, 0];

function hasAiSdk(version) {
	const parts = String(version)
		.split('.')
		.map((part) => parseInt(part, 10) || 0);
	for (let i = 0; i < AI_SDK_MIN_N8N.length; i++) {
		if (parts[i] !== AI_SDK_MIN_N8N[i]) return parts[i] > AI_SDK_MIN_N8N[i];
	}
	return true;
}

function parseArgs(argv) {
	const o = {
		tarball: process.env.E2E_TARBALL || '',
		versions: (process.env.E2E_N8N_VERSIONS || DEFAULT_VERSIONS).split(',').filter(Boolean),
		editor: process.env.E2E_SKIP_EDITOR !== '1',
		artifacts: process.env.E2E_ARTIFACTS_DIR || '',
		keep: process.env.E2E_KEEP === '1',
	};
	for (const a of argv) {
		const [k, v] = a.split(/=(.*)/s);
		if (k === '--tarball') o.tarball = v;
		else if (k === '--versions') o.versions = v.split(',').filter(Boolean);
		else if (k === '--no-editor') o.editor = false;
		else if (k === '--artifacts') o.artifacts = v;
		else if (k === '--keep') o.keep = true;
		else throw new Error(`unknown argument ${a}`);
	}
	return o;
}

// ---------- result bookkeeping ----------
const results = [];
function record(name, ok, info = '') {
	results.push({ name, ok });
	console.log(`${ok ? 'ok' : 'not ok'} ${results.length} - ${name}${info ? ` # ${info}` : ''}`);
}
function check(name, fn) {
	try {
		const info = fn();
		record(name, true, typeof info === 'string' ? info : '');
		return true;
	} catch (e) {
		record(name, false, e.message.split('\n').slice(0, 12).join('\n#   '));
		return false;
	}
}
function assert(cond, msg) {
	if (!cond) throw new Error(msg);
}
const J = (x) => JSON.stringify(x);

function freePort() {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

function packRepo(dest) {
	const res = spawnSync('npm', ['pack', '--pack-destination', dest, '--loglevel=error'], {
		cwd: REPO,
		encoding: 'utf8',
		timeout: 600000,
	});
	if (res.status !== 0) throw new Error(`npm pack failed: ${res.stderr}`);
	const name = res.stdout.trim().split('\n').pop();
	return path.join(dest, name);
}

/** Reads a CSV written by n8n's Convert to File (RFC 4180 quoting). */
function parseCsv(text) {
	text = text.replace(/^\uFEFF/, ''); // Convert to File writes a BOM
	const rows = [];
	let row = [];
	let field = '';
	let q = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (q) {
			if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
			else if (c === '"') q = false;
			else field += c;
		} else if (c === '"') q = true;
		else if (c === ',') (row.push(field), (field = ''));
		else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			(row.push(field), rows.push(row), (row = []), (field = ''));
		} else field += c;
	}
	if (field !== '' || row.length) (row.push(field), rows.push(row));
	return rows.filter((r) => r.length > 1 || r[0] !== '');
}

// ---------- one n8n version ----------
async function runVersion(spec, opts, tarball, playwright) {
	const tag = `n8n ${spec}`;
	let info;
	const t0 = Date.now();
	try {
		info = ensureN8n(spec);
		record(
			`${tag}: installed in cache`,
			true,
			`${info.version} on node ${info.nodeVersion}, ${info.cached ? 'cached' : 'fresh'} ${((Date.now() - t0) / 1000).toFixed(1)}s, ${info.dir}`,
		);
	} catch (e) {
		record(`${tag}: installed in cache`, false, e.message);
		return;
	}
	const label = `n8n ${info.version}`;
	const userFolder = h.makeUserFolder(info.version);
	const outDir = path.join(userFolder, 'files');
	const work = path.join(userFolder, 'e2e-work');
	fs.mkdirSync(outDir, { recursive: true });
	fs.mkdirSync(work, { recursive: true });
	const api = await startDataoortsServer({ apiKey: API_KEY });
	const smtp = await startSmtpSink();
	const env = h.n8nEnv(info, userFolder, {
		N8N_RESTRICT_FILE_ACCESS_TO: outDir,
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
	});
	const timings = {};
	try {
		// community package, the way the Community Nodes screen lays it out
		let pkg;
		const ok = check(`${label}: community package installed into <user folder>/.n8n/nodes`, () => {
			const t = Date.now();
			pkg = h.installCommunityPackage(userFolder, tarball);
			timings.communityInstall = Date.now() - t;
			return `${pkg.name}@${pkg.version} in ${timings.communityInstall} ms`;
		});
		if (!ok) return;

		let t = Date.now();
		await h.importCredentials(
			info,
			env,
			[
				{
					id: 'E2eDataoortsCred',
					name: 'Dataoorts account',
					type: 'dataoortsApi',
					data: { apiKey: API_KEY, baseUrl: api.baseUrl },
				},
				{
					id: 'E2eSmtpSinkCred1',
					name: 'SMTP sink E2E',
					type: 'smtp',
					data: {
						user: '',
						password: '',
						host: '127.0.0.1',
						port: smtp.port,
						secure: false,
						disableStartTls: true,
					},
				},
			],
			work,
		);
		timings.importCredentials = Date.now() - t;

		// all fixtures in one import (each n8n command costs ~2-3 s of start-up)
		const fixtureDirs = {};
		for (const dir of WORKFLOW_DIRS)
			for (const f of fs.readdirSync(dir)) if (f.endsWith('.json')) fixtureDirs[f] = dir;
		const fixtures = Object.keys(fixtureDirs).sort();
		const wfDir = path.join(work, 'workflows');
		fs.mkdirSync(wfDir);
		const wfs = {};
		for (const f of fixtures) {
			const text = fs
				.readFileSync(path.join(fixtureDirs[f], f), 'utf8')
				.split(EXAMPLE_OUT_DIR)
				.join(outDir);
			wfs[f] = JSON.parse(text);
			fs.writeFileSync(path.join(wfDir, f), text);
		}
		t = Date.now();
		const imp = await h.runN8n(info, ['import:workflow', '--separate', `--input=${wfDir}`], env);
		timings.importWorkflows = Date.now() - t;
		if (
			!check(`${label}: credentials + ${fixtures.length} workflows imported`, () => {
				assert(imp.code === 0, `import:workflow exited ${imp.code}\n${imp.stdout}\n${imp.stderr}`);
				return `credentials ${timings.importCredentials} ms, workflows ${timings.importWorkflows} ms`;
			})
		)
			return;

		const exec = async (file) => {
			const wf = wfs[file];
			const before = api.requests.length;
			const r = await h.executeWorkflow(info, env, wf.id, { timeoutMs: 120000 });
			timings[`execute ${file}`] = r.ms;
			const detail = `\n--- stdout ---\n${r.stdout.slice(-3000)}\n--- stderr ---\n${r.stderr.slice(-2000)}`;
			assert(r.code === 0, `n8n execute exited ${r.code}${detail}`);
			assert(r.run, `${r.parseError && r.parseError.message}`);
			assert(
				r.run.status === 'success' || r.run.finished === true,
				`run status ${r.run.status}: ${J(r.run.data.resultData.error)}`,
			);
			return { run: r.run, requests: api.requests.slice(before), ms: r.ms };
		};

		// 00: n8n itself works (Manual Trigger -> Set)
		await execAndCheck(
			`${label}: smoke workflow (Manual Trigger -> Set)`,
			() => exec('00-smoke-set.json'),
			({ run }) => {
				const out = h.nodeOutput(run, 'Set');
				assert(J(out) === J([{ greeting: 'hello e2e', answer: 42 }]), `Set output ${J(out)}`);
			},
		);

		// 01: the seed request
		await execAndCheck(
			`${label}: seed request (Manual Trigger -> Dataoorts)`,
			() => exec('01-seed-request.json'),
			({ run, requests }) => {
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
				const out = h.nodeOutput(run, 'Dataoorts');
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
		);

		// 02: rows -> Dataoorts per row -> CSV file on disk
		await execAndCheck(
			`${label}: rows -> Dataoorts -> CSV file`,
			() => exec('02-rows-to-csv.json'),
			({ run, requests }) => {
				const rows = h.nodeOutput(run, 'Rows');
				assert(rows && rows.length === 3, `Rows output ${J(rows)}`);
				assert(requests.length === 3, `expected 3 API requests, got ${requests.length}`);
				const file = path.join(outDir, 'answers.csv');
				assert(
					fs.existsSync(file),
					`${file} not written; Write CSV: ${J(h.nodeError(run, 'Write CSV'))}`,
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
		);

		// 03: rows -> Dataoorts -> Send Email (SMTP sink)
		await execAndCheck(
			`${label}: rows -> Dataoorts -> Send Email (SMTP)`,
			() => exec('03-rows-to-email.json'),
			({ run }) => {
				const rows = h.nodeOutput(run, 'Rows');
				assert(
					!h.nodeError(run, 'Send Email'),
					`Send Email error ${J(h.nodeError(run, 'Send Email'))}`,
				);
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
		);

		// 04: a failing row goes to the error output (On Error = continueErrorOutput)
		await execAndCheck(
			`${label}: failing row -> error output`,
			() => exec('04-error-output.json'),
			({ run }) => {
				const ok = h.nodeOutput(run, 'Dataoorts', 0);
				const err = h.nodeOutput(run, 'Dataoorts', 1);
				assert(ok && ok.length === 2, `success output ${J(ok)}`);
				assert(
					ok[0].response.includes('Row 1:') && ok[1].response.includes('Row 3:'),
					`success answers ${J(ok.map((x) => x.response))}`,
				);
				assert(err && err.length === 1, `error output ${J(err)}`);
				assert(
					typeof err[0].error === 'string' && err[0].error.length > 0,
					`error item ${J(err[0])}`,
				);
				const failed = h.nodeOutput(run, 'Failed Rows');
				assert(J(failed && failed.map((x) => x.failedRow)) === J([2]), `Failed Rows ${J(failed)}`);
				const answers = h.nodeOutput(run, 'Answers');
				assert(answers && answers.length === 2, `Answers ${J(answers)}`);
				return `error: ${J(err[0].error.slice(0, 80))}`;
			},
		);

		// 05: Basic LLM Chain with the Dataoorts Chat Model sub-node (ai_languageModel connection)
		const CHAIN_PROMPT = 'Name three uses of serverless GPUs.';
		const CHAIN_SYSTEM = 'You are a concise assistant. Answer in one sentence.';
		if (hasAiSdk(info.version)) {
			await execAndCheck(
				`${label}: Basic LLM Chain + Dataoorts Chat Model -> answer`,
				() => exec('05-basic-llm-chain.json'),
				({ run, requests }) => {
					assert(
						requests.length === 1,
						`expected 1 API request, got ${requests.length}: ${J(requests.map((r) => r.body))}`,
					);
					const req = requests[0];
					assert(
						req.headers.authorization === `Bearer ${API_KEY}`,
						`authorization ${req.headers.authorization}`,
					);
					const b = req.body;
					assert(b.model === 'google/gemma-3-12b-it', `model ${b.model}`);
					assert(
						J(b.data.messages) ===
							J([
								{ role: 'system', content: CHAIN_SYSTEM },
								{ role: 'user', content: CHAIN_PROMPT },
							]),
						`messages ${J(b.data.messages)}`,
					);
					const want = { max_tokens: 256, temperature: 0.2, top_p: 0.9 };
					for (const [k, v] of Object.entries(want))
						assert(b.data[k] === v, `data.${k} = ${J(b.data[k])}, want ${v} (body ${J(b)})`);
					assert(!('tools' in b.data), `a plain chain sends no tools: ${J(b.data.tools)}`);
					const chain = h.nodeOutput(run, 'Basic LLM Chain');
					assert(
						chain && chain.length === 1,
						`Basic LLM Chain output ${J(chain)}; error ${J(h.nodeError(run, 'Basic LLM Chain'))}`,
					);
					assert(chain[0].text === `Echo: ${CHAIN_PROMPT}`, `chain text ${J(chain[0].text)}`);
					const answer = h.nodeOutput(run, 'Answer');
					assert(
						answer && answer[0].answer === `Echo: ${CHAIN_PROMPT}`,
						`Answer output ${J(answer)}`,
					);
					// the sub-node ran as a language model (its tracing output is in the run data)
					const sub = run.data.resultData.runData['Dataoorts Chat Model'];
					assert(
						sub && sub.length >= 1 && sub[0].data && sub[0].data.ai_languageModel,
						`sub-node run data ${J(sub)}`,
					);
					return `chain text ${J(chain[0].text)}`;
				},
			);
		} else {
			// Before 2.16.0 the package still loads (checks above); the sub-node explains itself.
			const name = `${label}: Dataoorts Chat Model on n8n < 2.16.0 fails with a clear message, nothing sent`;
			try {
				const before = api.requests.length;
				const r = await h.executeWorkflow(info, env, wfs['05-basic-llm-chain.json'].id, {
					timeoutMs: 120000,
				});
				timings['execute 05-basic-llm-chain.json'] = r.ms;
				check(name, () => {
					const want = 'The Dataoorts Chat Model needs n8n 2.16.0 or newer';
					const runError = r.run && r.run.data.resultData.error;
					// n8n reports it as "Error in sub-node <name>" with the node's message as description.
					const shown = runError
						? `${runError.message}: ${runError.description}`
						: `${r.stdout}\n${r.stderr}`;
					assert(
						shown.includes(want),
						`no clear message (exit ${r.code}): run error ${J(runError).slice(0, 3000)}\n${r.stderr.slice(-1000)}`,
					);
					assert(
						api.requests.length === before,
						`${api.requests.length - before} API requests sent`,
					);
					return `${r.ms} ms, ${runError ? `run error ${J(shown)}` : `exit ${r.code}, message in the output`}`;
				});
			} catch (e) {
				record(name, false, e.message);
			}
		}

		// 06: JSON output mode with a schema (guided_json), mapped by a Set node
		await execAndCheck(
			`${label}: JSON output -> Set maps $json.data`,
			() => exec('06-json-output.json'),
			({ run, requests }) => {
				assert(requests.length === 2, `expected 2 API requests, got ${requests.length}`);
				assert(
					requests.every(
						(r) =>
							r.body.data.guided_json && r.body.data.guided_json.required.join() === 'title,topic',
					),
					`guided_json ${J(requests.map((r) => r.body.data.guided_json))}`,
				);
				const rows = h.nodeOutput(run, 'Sheet Row');
				const articles = h.nodeOutput(run, 'Articles');
				assert(
					rows && rows.length === 2,
					`Sheet Row output ${J(rows)}; error ${J(h.nodeError(run, 'Dataoorts'))}`,
				);
				rows.forEach((row, i) => {
					assert(
						row.title === `Echo: ${articles[i].article}` &&
							row.topic === row.title &&
							row.article === articles[i].article,
						`row ${i} ${J(row)}`,
					);
				});
				return `${rows.length} rows mapped from data`;
			},
		);

		// 07: an image from a binary property, sent as a data URI content part
		await execAndCheck(
			`${label}: image (Convert to File -> Dataoorts)`,
			() => exec('07-image-description.json'),
			({ run, requests }) => {
				assert(
					requests.length === 1,
					`expected 1 API request, got ${requests.length}; error ${J(h.nodeError(run, 'Dataoorts'))}`,
				);
				const content = requests[0].body.data.messages[0].content;
				const png = h.nodeOutput(run, 'Image As Base64')[0].image;
				assert(
					J(content) ===
						J([
							{ type: 'text', text: 'Describe this image in one sentence.' },
							{ type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } },
						]),
					`content ${J(content).slice(0, 400)}`,
				);
				const out = h.nodeOutput(run, 'Dataoorts');
				assert(
					out && out[0].response === 'Echo: Describe this image in one sentence.',
					`output ${J(out)}`,
				);
				return 'image sent as data URI';
			},
		);

		// 08: AI Agent + Dataoorts Chat Model, with the Dataoorts node as its tool ($fromAI)
		if (hasAiSdk(info.version)) {
			api.setAutoToolCalls(true);
			await execAndCheck(
				`${label}: AI Agent calls the Dataoorts node as a tool`,
				() => exec('08-agent-tool.json'),
				({ run, requests }) => {
					// model turn (calls the tool) → the tool's own request → model turn with the tool result
					assert(
						requests.length === 3,
						`expected 3 API requests, got ${requests.length}: ${J(requests.map((r) => r.body)).slice(0, 3000)}`,
					);
					const [first, tool, last] = requests.map((r) => r.body);
					assert(
						Array.isArray(first.data.tools) && first.data.tools[0].function.name === 'Ask_Expert',
						`tools ${J(first.data.tools)}`,
					);
					assert(
						J(first.data.tools[0].function.parameters.properties.question) !== undefined,
						`tool schema ${J(first.data.tools[0].function.parameters)}`,
					);
					const question = tool.data.messages[1].content;
					assert(
						tool.data.messages[0].content.startsWith('You are an expert deep learning engineer') &&
							question.includes('What is a tensor?'),
						`tool request ${J(tool.data.messages)}`,
					);
					assert(
						last.data.messages.some(
							(m) => m.role === 'tool' && String(m.content).includes(`Echo: ${question}`),
						),
						`tool result not in the model's history: ${J(last.data.messages)}`,
					);
					const out = h.nodeOutput(run, 'AI Agent');
					assert(
						out && typeof out[0].output === 'string' && out[0].output.includes(`Echo: ${question}`),
						`agent output ${J(out)}; error ${J(h.nodeError(run, 'AI Agent'))}`,
					);
					return `agent output ${J(out[0].output.slice(0, 80))}`;
				},
			);
			api.setAutoToolCalls(false);
		}

		// editor
		if (opts.editor) {
			const port = await freePort();
			let srv;
			t = Date.now();
			try {
				srv = await h.startN8n(info, env, { port, timeoutMs: 120000 });
				timings.start = srv.startMs;
				const shot = path.join(opts.artifacts, `editor-${info.version}.png`);
				const res = await checkEditor({
					playwrightModule: playwright.module,
					baseUrl: srv.url,
					workflowId: wfs['01-seed-request.json'].id,
					nodeType: NODE_TYPE,
					screenshot: shot,
					canvasScreenshot: path.join(opts.artifacts, `canvas-${info.version}.png`),
				});
				timings.editor = Date.now() - t;
				record(
					`${label}: editor shows the Dataoorts node panel (Model, Messages)`,
					res.ok,
					res.ok
						? `${shot}, icon ${res.details.canvasIconSrc}`
						: `${res.problems.join('; ')} (screenshot ${shot}) ${J(res.details)}`,
				);
			} catch (e) {
				record(
					`${label}: editor shows the Dataoorts node panel (Model, Messages)`,
					false,
					`${e.message}${srv ? `\n${srv.output().slice(-2000)}` : ''}`,
				);
			} finally {
				if (srv) await srv.stop();
			}
		}
	} finally {
		console.log(`# ${label} timings (ms): ${J(timings)}`);
		console.log(
			`# ${label} Dataoorts API: ${api.requests.length} requests; SMTP sink: ${smtp.messages.length} mails`,
		);
		await api.close();
		await smtp.close();
		if (!opts.keep) fs.rmSync(userFolder, { recursive: true, force: true });
		else console.log(`# kept user folder ${userFolder}`);
	}
}

async function execAndCheck(name, runFn, verify) {
	let r;
	try {
		r = await runFn();
	} catch (e) {
		record(name, false, e.message);
		return;
	}
	check(name, () => {
		const info = verify(r);
		return `${r.ms} ms${info ? `, ${info}` : ''}`;
	});
}

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	const started = Date.now();
	const limitMin = Number(process.env.E2E_TIMEOUT_MINUTES || 60);
	const watchdog = setTimeout(() => {
		console.log(`not ok - whole e2e run exceeded ${limitMin} minutes`);
		console.log(
			`e2e: ${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`,
		);
		h.killAll();
		process.exit(1);
	}, limitMin * 60000);
	watchdog.unref();

	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dataoorts-e2e-pack-'));
	if (!opts.artifacts) opts.artifacts = path.join(os.tmpdir(), 'n8n-nodes-dataoorts-e2e-artifacts');
	fs.mkdirSync(opts.artifacts, { recursive: true });
	console.log(
		`# n8n cache: ${cacheRoot()}; artifacts: ${opts.artifacts}; versions: ${opts.versions.join(', ')}`,
	);
	try {
		let tarball = opts.tarball;
		if (!tarball) {
			const ok = check('npm pack of the repository', () => {
				tarball = packRepo(scratch);
				return tarball;
			});
			if (!ok) return finish(started);
		}
		tarball = path.resolve(tarball);
		let playwright = null;
		if (opts.editor) {
			check('playwright-core in cache and chromium present', () => {
				playwright = ensurePlaywright();
				const chromium = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
				assert(fs.existsSync(chromium), `${chromium} missing: apt-get install -y chromium`);
				return playwright.module;
			});
			if (!playwright) opts.editor = false;
		}
		for (const spec of opts.versions) await runVersion(spec, opts, tarball, playwright);
	} finally {
		fs.rmSync(scratch, { recursive: true, force: true });
	}
	finish(started);
}

function finish(started) {
	const passed = results.filter((r) => r.ok).length;
	const failed = results.length - passed;
	console.log(`# e2e took ${((Date.now() - started) / 1000).toFixed(1)} s`);
	console.log(`e2e: ${passed} passed, ${failed} failed`);
	process.exitCode = failed || results.length === 0 ? 1 : 0;
}

for (const sig of ['SIGINT', 'SIGTERM']) {
	process.on(sig, () => {
		h.killAll();
		process.exit(130);
	});
}

main().catch((e) => {
	console.error(e);
	console.log(
		`e2e: ${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`,
	);
	process.exit(1);
});
