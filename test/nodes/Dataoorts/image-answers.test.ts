/**
 * Generate an Image's answers in the engine: each bad answer named for what came back (the other
 * items go on), error answers and retries as for text models, and the 20 MiB cap.
 */
import type { INodeParameters } from 'n8n-workflow';

import { runAgainst } from '../../helpers/run-against';
import { imageNode } from '../../helpers/image';
import { useDataoortsServer } from '../../helpers/server';

const server = useDataoortsServer();
const run = runAgainst(server);

const FLUX = 'black-forest-labs/flux-1-schnell';

type Case = [string, INodeParameters, string?];

const BAD: Case[] = [
	[
		'html',
		{},
		'Dataoorts answered 200 with an HTML page (text/html) instead of an image: <!DOCTYPE html>',
	],
	['empty', {}, 'Dataoorts answered 200 with an empty body instead of an image'],
	['truncated', {}, 'Dataoorts answered 200 with a truncated PNG image'],
	['truncated-base64', {}, 'a truncated PNG image in result.image_base64'],
	[
		'no-base64',
		{},
		'JSON without an image: result.image_base64 is missing (result holds: response)',
	],
	['bad-base64', {}, 'result.image_base64 that is not base64: it holds "*" at position 5'],
	[
		'not-image',
		{},
		'result.image_base64 that is base64 but not an image (PNG, JPEG or WebP): it decodes to 14 bytes starting 6a 75 73 74 20 73 6f 6d …',
	],
	[
		'text',
		{},
		'a body that is neither an image (PNG, JPEG or WebP) nor JSON (text/plain, 2 bytes starting 4f 4b)',
	],
];

test.each(BAD)(
	'bad answer %s: a clear per-item error, the other items go on',
	async (bad, options, message) => {
		const result = await run(
			{ ...imageNode(FLUX, options, '={{ $json.prompt }}'), onError: 'continueRegularOutput' },
			[{ prompt: 'fine' }, { prompt: `broken [[image:${bad}]]` }, { prompt: 'also fine' }],
		);
		const [first, broken, last] = result.outputs![0];
		expect(first.binary!.data.mimeType).toBe('image/png');
		expect(String(broken.json.error)).toContain(message);
		expect(broken.binary).toBeUndefined();
		expect(last.binary!.data.mimeType).toBe('image/png');
	},
);

test.each([
	['[[fault:401]]', 'Dataoorts answered 401: Authentication error (code 10000)'],
	[
		'[[fault:success-false]]',
		'Dataoorts answered success: false: Model returned an error (code 5006)',
	],
	['[[fault:html]]', 'Dataoorts answered 502: a non-JSON body (text/html)'],
])('error answers as for text models: %s', async (directive, message) => {
	const result = await run(imageNode(FLUX, { maxRetries: 0 }, `fox ${directive}`));
	expect(result.error?.message).toContain(message);
});

test('a 503 is retried like a text request, then the image arrives', async () => {
	server.current.setFaultPlan(({ attempt }) =>
		attempt === 1 ? { kind: 'status', status: 503 } : undefined,
	);
	const result = await run(imageNode(FLUX, { maxRetries: 2 }));
	expect(result.error).toBeUndefined();
	expect(server.current.apiRequests).toHaveLength(2);
});

test.each(['raw', 'json'] as const)(
	'an image answer over 20 MiB (%s) is refused, named as too large',
	async (shape) => {
		server.current.setImageAnswer(shape, 20 * 1024 * 1024 + 1);
		const result = await run(imageNode(FLUX));
		expect(result.error?.message).toContain('with a body larger than the 20971520-byte limit');
		expect(result.error?.description).toBe(
			"The answer was cut off to protect n8n's memory; an image answer may be at most 20 MiB.",
		);
	},
);

test('an image of 14 MiB as base64 in JSON (19.6 MB of text) is read whole', async () => {
	server.current.setImageAnswer('json', 14 * 1024 * 1024);
	const result = await run(imageNode(FLUX));
	expect(result.error).toBeUndefined();
	expect(result.outputs![0][0].json.fileSize).toBe(14 * 1024 * 1024);
});
