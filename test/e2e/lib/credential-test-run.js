'use strict';
/*
 * Runs the credential-test table (checks/credential-tests.js) against a running `n8n start`:
 * each case is one `POST /rest/credentials/test` as the owner, with the credential imported for
 * the workflows (its id, as the editor's credential dialog sends it) and the case's data, which
 * n8n tests instead of the stored data. Then n8n's log must not show either key.
 *
 * Body (n8n 1.123 and 2.41, TestCredentialRequestDto): { credentials: { id, name, type, data } };
 * `id` is required: a credential the user can read (2.41 also takes '' for an instance owner).
 * Answer: { data: { status: 'OK' | 'Error', message } }.
 */
const { startDataoortsServer } = require('../../server/dataoorts-server.js');
const { startPageServer, nonLoopbackAddress } = require('./page-server');
const { CASES, CRED_KEY, WRONG_KEY } = require('../checks/credential-tests');
const { check, assert, J } = require('./reporter');

const CREDENTIAL = { id: 'E2eDataoortsCred', name: 'Dataoorts account', type: 'dataoortsApi' };

async function openServers() {
	const api = await startDataoortsServer({ apiKey: CRED_KEY });
	const other = await startDataoortsServer({ apiKey: CRED_KEY });
	const html = await startPageServer();
	const lan = nonLoopbackAddress();
	const sentinel = lan ? await startPageServer({ host: lan }).catch(() => null) : null;
	const all = [api, other, html, sentinel].filter(Boolean);
	return { api, other, html, sentinel, close: () => Promise.all(all.map((x) => x.close())) };
}

/** Where each server's record stands now; `since` gives what came after. */
function mark(s) {
	const at = {
		api: s.api.requests.length,
		other: s.other.requests.length,
		html: s.html.requests.length,
		sentinel: s.sentinel ? s.sentinel.connections() : 0,
	};
	return () => ({
		api: s.api.requests.slice(at.api),
		other: s.other.requests.slice(at.other),
		html: s.html.requests.slice(at.html),
		sentinel: (s.sentinel ? s.sentinel.connections() : 0) - at.sentinel,
	});
}

async function testCredential(url, cookie, data) {
	const res = await fetch(`${url}/rest/credentials/test`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie: `n8n-auth=${cookie}` },
		body: JSON.stringify({ credentials: { ...CREDENTIAL, data } }),
		signal: AbortSignal.timeout(60000),
	});
	const text = await res.text();
	assert(res.status === 200, `POST /rest/credentials/test -> ${res.status}: ${text.slice(0, 500)}`);
	for (const key of [CRED_KEY, WRONG_KEY])
		assert(!text.includes(key), `n8n's answer shows a key: ${text.slice(0, 500)}`);
	const result = JSON.parse(text).data;
	assert(result && typeof result.message === 'string', `answer ${text.slice(0, 500)}`);
	return result;
}

function runCase(scope, c, s, srv, cookie) {
	return check(scope, `credential test ${c.id}: ${c.title}`, async () => {
		s.api.reset();
		s.other.reset();
		if (c.before) c.before(s);
		const since = mark(s);
		const t = Date.now();
		const result = await testCredential(srv.url, cookie, c.data(s));
		const note = c.verify({ result, sent: since(), s });
		return `${Date.now() - t} ms, ${note}`;
	});
}

/** Every case, then n8n's log; a case needing the sentinel is left out without one. */
async function runCredentialTests(scope, srv, cookie) {
	const s = await openServers();
	try {
		for (const c of CASES) {
			if (c.needs === 'sentinel' && !s.sentinel) {
				console.log(`# credential test ${c.id} left out: no non-loopback IPv4 address here`);
				continue;
			}
			await runCase(scope, c, s, srv, cookie);
		}
	} finally {
		await s.close();
	}
	await check(scope, "credential tests: n8n's log output shows neither key", () => {
		const log = srv.output();
		const shown = [CRED_KEY, WRONG_KEY].filter((k) => log.includes(k));
		assert(!shown.length, `log shows ${J(shown)}:\n${log.slice(-1500)}`);
		return `${log.split('\n').length} log lines checked`;
	});
}

module.exports = { runCredentialTests };
