/**
 * A provider that echoes the key everywhere it could (test/server/hostile.js), inside n8n-core's
 * WorkflowExecute: the key (and a URL's password) must not reach output items, error items,
 * error messages, descriptions, the run data, n8n's logger or the console.
 */
import type { IDataObject } from 'n8n-workflow';

import { captureLogs } from '../../helpers/capture-logs';
import { runWorkflow, type DataoortsNodeSettings, type RunResult } from '../../helpers/engine';
import { SECRET_KEY } from '../../helpers/fixtures';
import { ECHO_FAULTS, useDataoortsServer } from '../../helpers/server';

const server = useDataoortsServer({ apiKey: SECRET_KEY });

async function run(
	node: DataoortsNodeSettings,
	items: IDataObject[] = [{}],
	baseUrl = server.current.baseUrl,
): Promise<RunResult> {
	return await runWorkflow({ items, node, credential: { apiKey: SECRET_KEY, baseUrl } });
}

const ask = (content: string) => ({ values: [{ role: 'user', content }] });

/** Everything of a run a user, an error workflow or a log could see. */
function visible(result: RunResult): string {
	return [
		JSON.stringify(result.run),
		String(result.error?.message),
		String(result.error?.description),
		String(result.error?.stack),
		JSON.stringify(result.error ?? {}),
		JSON.stringify((result.error as { cause?: unknown } | undefined)?.cause ?? {}),
	].join('\n');
}

function expectNoSecret(text: string) {
	expect(text).not.toContain(SECRET_KEY);
	expect(text).not.toContain(SECRET_KEY.slice(8));
	expect(text).not.toContain('hunter2');
}

test('the key echoed in every place a provider could never reaches anything n8n keeps or logs', async () => {
	const perItem = { messages: ask('={{ $json.q }}'), options: { maxRetries: 0 } };
	const { value: results, logs } = await captureLogs(async () => [
		// Continue on fail: each echo becomes an error item (or, for the success echo, an item).
		await run(
			{ parameters: perItem, onError: 'continueRegularOutput' },
			ECHO_FAULTS.map((kind) => ({ q: `[[fault:${kind}]]` })),
		),
		// The raw answer with Simplify Output off, and in JSON mode.
		await run({ parameters: { ...perItem, simplify: false } }, [{ q: '[[fault:echo-success]]' }]),
		// Stop on error: the node's error, its description, the error reporter's log.
		...(await Promise.all(
			['echo-401', 'echo-400-object', 'echo-html-500', 'echo-success-false'].map(
				async (kind) => await run({ parameters: perItem }, [{ q: `[[fault:${kind}]]` }]),
			),
		)),
		// After retries, too.
		await run({
			parameters: { messages: ask('[[fault:echo-html-500]]'), options: { maxRetries: 1 } },
		}),
		// A password in a Base URL that does not parse.
		await run({ parameters: perItem }, [{ q: 'x' }], 'ht tp://user:hunter2@example.com/api/v1'),
	]);

	const [continued, raw, ...stopped] = results;
	// The probes did produce what is scanned: items, error items and node errors.
	const items = continued.outputs![0].map((item) => item.json);
	expect(items.filter((json) => typeof json.error === 'string')).toHaveLength(5);
	expect(items[5].response).toBe('Your key is [redacted]. Bearer [redacted]');
	expect(items[1].error).toContain('[redacted]');
	expect(raw.outputs![0][0].json).toMatchObject({
		messages: ['Bearer [redacted]'],
		result: { '[redacted]': 'a property named after the key' },
	});
	expect(stopped.every((result) => result.error !== undefined)).toBe(true);
	expect(stopped[0].error?.message).toBe(
		'Dataoorts answered 401: Invalid API key: Bearer [redacted] (code 10000)',
	);
	expect(stopped[stopped.length - 1].error?.message).toBe(
		'The credential\'s Base URL is not a valid URL: "ht tp://***@example.com/api/v1"',
	);
	expect(logs).toContain('Dataoorts answered 500');

	for (const result of results) expectNoSecret(visible(result));
	expectNoSecret(logs);
	// The key did travel, but only in the Authorization header.
	expect(server.current.requests.every((request) => !request.rawBody.includes(SECRET_KEY))).toBe(
		true,
	);
});

test('a Base URL with user:password@ is refused before sending; the password is nowhere', async () => {
	const withUserinfo = server.current.baseUrl.replace('http://', 'http://user:hunter2@');
	const refused = await run({ parameters: { messages: ask('hi') } }, [{}], withUserinfo);
	expect(refused.error?.message).toBe(
		`The credential's Base URL must not contain a user name or password: "${server.current.baseUrl.replace('http://', 'http://***@')}"; the API Key is the only credential Dataoorts takes`,
	);
	expectNoSecret(visible(refused));
	expect(server.current.requests).toHaveLength(0);
});
