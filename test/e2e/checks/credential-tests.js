'use strict';
/*
 * The credential's Test button through n8n's own path: `POST /rest/credentials/test` as the owner,
 * against loopback servers. n8n has no `test` request on the credential type, so it must run the
 * nodes' `testedBy: 'dataoortsApiTest'` (one 1-token request through the package's transport).
 * The running machinery is lib/credential-test-run.js.
 *
 *   id, title       the check's name
 *   needs           optional: 'sentinel' (a listener on this machine's non-loopback address)
 *   before(s)       optional: fault plans on the servers
 *   data(s)         the credential data n8n tests: { apiKey, baseUrl, allowInsecureHttp }
 *   verify({ result, sent, s })   result: n8n's { status, message }; sent: what each server got
 *                   meanwhile ({ api, other, html } request lists, sentinel connections)
 *   s: { api, other (Dataoorts stand-ins), html (HTML 200 page), sentinel (or null) }
 * Every case also asserts that neither key is in n8n's answer.
 */
const { assert, J } = require('../lib/reporter');

// Keys only these checks use, so they can be searched for in n8n's answers and log.
const CRED_KEY = 'dk-e2e-credtest-right-7f3a9c21e4';
const WRONG_KEY = 'dk-e2e-credtest-wrong-5b8e0d47a1';
const PLAIN_HTTP = 'Refusing to send the API key over plain http://';

const cred = (baseUrl, o = {}) => ({
	apiKey: o.apiKey ?? CRED_KEY,
	baseUrl,
	allowInsecureHttp: o.allowInsecureHttp ?? false,
});

function failed(result, includes) {
	assert(result.status === 'Error', `status ${result.status}: ${J(result.message)}`);
	for (const text of includes)
		assert(result.message.includes(text), `message ${J(result.message)} lacks ${J(text)}`);
	return `Error: ${J(result.message.slice(0, 110))}`;
}

const nothingSent = (sent) =>
	assert(
		sent.api.length + sent.other.length + sent.html.length + sent.sentinel === 0,
		`something was sent: ${J(sent, (k, v) => (k === 'headers' ? undefined : v))}`,
	);

const CASES = [
	{
		id: 'a-redirect',
		title: '307 redirect to a second server -> fails, the second server gets 0 requests',
		before: (s) => s.api.setFaultPlan(() => ({ kind: 'redirect', argument: s.other.baseUrl })),
		data: (s) => cred(s.api.baseUrl),
		verify({ result, sent }) {
			assert(sent.api.length === 1, `first server got ${sent.api.length} requests, want 1`);
			assert(sent.other.length === 0, `redirect target got ${sent.other.length} requests`);
			return failed(result, ['307', 'redirects are not followed']);
		},
	},
	{
		id: 'b-plain-http',
		title: 'http://dataoorts.invalid/api/v1, Allow Plain HTTP off -> refused, nothing sent',
		data: () => cred('http://dataoorts.invalid/api/v1'),
		verify({ result, sent }) {
			nothingSent(sent);
			return failed(result, [`${PLAIN_HTTP} to dataoorts.invalid`]);
		},
	},
	{
		id: 'b-plain-http-lan',
		title: "http:// to this machine's non-loopback address, Allow Plain HTTP off -> 0 connections",
		needs: 'sentinel',
		data: (s) => cred(s.sentinel.baseUrl),
		verify({ result, sent, s }) {
			nothingSent(sent);
			return `${s.sentinel.origin}: ${failed(result, [PLAIN_HTTP])}`;
		},
	},
	{
		id: 'b-plain-http-lan-allowed',
		title: 'the same with Allow Plain HTTP on -> the listener sees the request (control)',
		needs: 'sentinel',
		data: (s) => cred(s.sentinel.baseUrl, { allowInsecureHttp: true }),
		verify({ result, sent }) {
			assert(sent.sentinel === 1, `listener saw ${sent.sentinel} connections, want 1`);
			return failed(result, ['answered 200']);
		},
	},
	{
		id: 'c-html-200',
		title: 'an HTML page with status 200 -> fails',
		data: (s) => cred(s.html.baseUrl),
		verify({ result, sent }) {
			assert(sent.html.length === 1, `HTML server got ${sent.html.length} requests, want 1`);
			return failed(result, ['answered 200', 'not valid JSON']);
		},
	},
	{
		id: 'd-wrong-key',
		title: "a wrong key -> fails with Dataoorts' 401 message and code, one request",
		data: (s) => cred(s.api.baseUrl, { apiKey: WRONG_KEY }),
		verify({ result, sent }) {
			assert(sent.api.length === 1, `${sent.api.length} requests, want 1`);
			return failed(result, ['Dataoorts answered 401: Authentication error (code 10000)']);
		},
	},
	{
		id: 'e-right-key',
		title: "the right key -> OK, one 1-token request (the node's test)",
		data: (s) => cred(s.api.baseUrl),
		verify({ result, sent }) {
			assert(result.status === 'OK', `status ${result.status}: ${J(result.message)}`);
			assert(sent.api.length === 1, `${sent.api.length} requests, want 1`);
			const req = sent.api[0];
			assert(req.authorization === `Bearer ${CRED_KEY}`, `authorization ${req.authorization}`);
			assert(
				req.body && req.body.data.max_tokens === 1 && req.body.model === 'google/gemma-3-12b-it',
				`not the node's 1-token test: ${J(req.body)}`,
			);
			return `OK: ${J(result.message)}`;
		},
	},
];

module.exports = { CASES, CRED_KEY, WRONG_KEY };
