/**
 * Through a real proxy, Debian's tinyproxy, set up like squid's default (CONNECT only to port
 * 443), inside n8n-core's WorkflowExecute: a plain http:// Base URL is forwarded (absolute-form
 * request), as curl does, not tunnelled; https:// stays a CONNECT tunnel.
 */
import { closeDispatchers } from '../../../nodes/shared/transport';
import { runWorkflow } from '../../helpers/engine';
import { runAgainst } from '../../helpers/run-against';
import { useDataoortsServer } from '../../helpers/server';
import { startTinyproxy, TINYPROXY, type Tinyproxy } from '../../helpers/tinyproxy';

const server = useDataoortsServer();
const ENV = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy'];
const saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));
let proxy: Tinyproxy;

const questions = (count: number) =>
	Array.from({ length: count }, (_, index) => ({ question: `q${index}` }));
const node = {
	parameters: {
		messages: { values: [{ role: 'user', content: '={{ $json.question }}' }] },
		options: { concurrency: 4, maxRetries: 0 },
	},
	onError: 'continueRegularOutput' as const,
};

if (TINYPROXY === undefined) {
	const why = "Debian's tinyproxy is not installed (apt-get install -y tinyproxy; .ci/run does it)";
	test.skip(`SKIPPED: ${why}`, () => {});
} else {
	beforeAll(async () => {
		proxy = await startTinyproxy();
		for (const name of ENV) delete process.env[name];
		process.env.HTTP_PROXY = proxy.url;
		process.env.HTTPS_PROXY = proxy.url;
	});

	afterAll(async () => {
		for (const name of ENV) {
			if (saved[name] === undefined) delete process.env[name];
			else process.env[name] = saved[name];
		}
		await closeDispatchers();
		await proxy?.close();
	});

	test('a plain http:// Base URL is forwarded by the proxy, not tunnelled: every item answered', async () => {
		const result = await runAgainst(server)(node, questions(8));
		expect(result.outputs![0].map((item) => item.json.response)).toEqual(
			questions(8).map(({ question }) => `Echo: ${question}`),
		);
		// Each forwarded as "POST http://host:port/path HTTP/1.1", none as "CONNECT host:port".
		expect(await proxy.logged(`: POST ${server.current.baseUrl} HTTP/1.1`, 8)).toHaveLength(8);
		expect(proxy.log()).not.toMatch(/Request \(file descriptor \d+\): CONNECT/);
	});

	test('https:// stays a CONNECT tunnel (this proxy allows it to port 443 only)', async () => {
		const httpsUrl = server.current.baseUrl.replace('http://', 'https://');
		const result = await runWorkflow({
			items: [{ question: 'q' }],
			node,
			credential: { apiKey: server.current.apiKey, baseUrl: httpsUrl },
		});
		const { host } = new URL(httpsUrl);
		expect(await proxy.logged(`: CONNECT ${host} HTTP/1.1`)).toHaveLength(1);
		expect(result.outputs![0][0].json.error).toMatch(
			new RegExp(`^Could not reach Dataoorts at https://${host}: .*403`),
		);
		expect(server.current.requests).toHaveLength(0);
	});
}
