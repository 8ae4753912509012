/**
 * Generate an Image's checks and bad answers in the engine: every image input at its edges and
 * one past them (an edge is sent and the loopback server, which checks the documented ranges
 * itself, accepts it; one past is refused before sending, in the panel's words); inputs a catalog
 * model does not take; and each bad answer named for what came back.
 */
import type { INodeParameters } from 'n8n-workflow';

import { runAgainst } from '../../helpers/engine';
import { useDataoortsServer } from '../../helpers/server';
import { imageNode } from '../../helpers/image';

const server = useDataoortsServer();
const run = runAgainst(server);

const FLUX = 'black-forest-labs/flux-1-schnell';
const SDXL = 'stabilityai/stable-diffusion-xl-base-1.0';
const DREAMSHAPER = 'lykon/dreamshaper-8-lcm';

type Case = [string, INodeParameters, string?];

// Rows have all three entries: a row shorter than the test's parameters makes jest pass `done`.
const EDGES: Array<[model: string, options: INodeParameters, prompt: string | undefined]> = [
	[FLUX, {}, 'ab'],
	[FLUX, {}, 'x'.repeat(2048)],
	[SDXL, {}, 'ab'],
	[SDXL, {}, 'x'.repeat(5000)],
	[FLUX, { steps: 1 }, undefined],
	[FLUX, { steps: 8 }, undefined],
	[SDXL, { steps: 1 }, undefined],
	[SDXL, { steps: 20 }, undefined],
	[SDXL, { width: 256, height: 256 }, undefined],
	[SDXL, { width: 2048, height: 2048 }, undefined],
	[SDXL, { guidance: 0 }, undefined],
	[SDXL, { guidance: 30.5 }, undefined],
	[SDXL, { seed: 0 }, undefined],
	[FLUX, { seed: 9999999999 }, undefined],
];

test.each(EDGES)(
	'%s with %j (prompt at its edge) is sent and accepted',
	async (model, options, prompt) => {
		const result = await run(imageNode(model, options, prompt));
		expect(result.error).toBeUndefined();
		expect(server.current.requests[0].status).toBe(200);
		expect(result.outputs![0][0].binary!.data.mimeType).toBe('image/png');
	},
);

const PAST: Array<
	[model: string, options: INodeParameters, prompt: string | undefined, message: string]
> = [
	[FLUX, {}, 'a', `Prompt is too short: got "a", ${FLUX} takes at least 2 characters`],
	[
		FLUX,
		{},
		'x'.repeat(2049),
		`Prompt is 2049 characters long, over the 2048 characters ${FLUX} takes`,
	],
	[SDXL, {}, ' ', 'Prompt is empty'],
	[
		FLUX,
		{ steps: 0 },
		undefined,
		'Steps is out of range: got 0, allowed is a whole number from 1 to 20',
	],
	[
		FLUX,
		{ steps: 9 },
		undefined,
		`Steps is out of range for ${FLUX}: got 9, allowed is a whole number from 1 to 8`,
	],
	[
		SDXL,
		{ steps: 21 },
		undefined,
		'Steps is out of range: got 21, allowed is a whole number from 1 to 20',
	],
	[SDXL, { steps: 2.5 }, undefined, 'Steps is not a whole number: got 2.5'],
	[
		SDXL,
		{ width: 255 },
		undefined,
		'Width is out of range: got 255, allowed is a whole number from 256 to 2048',
	],
	[SDXL, { height: 2049 }, undefined, 'Height is out of range: got 2049'],
	[
		SDXL,
		{ guidance: -0.1 },
		undefined,
		'Guidance is out of range: got -0.1, allowed is a number of at least 0',
	],
	[SDXL, { guidance: 'lots' }, undefined, 'Guidance is not a number: got "lots"'],
	[SDXL, { seed: -1 }, undefined, 'Seed is out of range: got -1'],
	[
		SDXL,
		{ seed: 10000000000 },
		undefined,
		'Seed is out of range: got 10000000000, allowed is a whole number from 0 to 9999999999',
	],
	[SDXL, { seed: 1.5 }, undefined, 'Seed is not a whole number'],
	[SDXL, { pricePerImage: -1 }, undefined, 'Price per Image (USD) is out of range'],
	[
		FLUX,
		{ negativePrompt: 'dark' },
		undefined,
		`Negative Prompt is not an input of ${FLUX}, which takes Prompt, Steps and Seed: remove the option, or choose a model that takes it`,
	],
	[FLUX, { guidance: 7.5 }, undefined, `Guidance is not an input of ${FLUX}`],
	[FLUX, { width: 512 }, undefined, `Width is not an input of ${FLUX}`],
	[
		DREAMSHAPER,
		{ seed: 5 },
		undefined,
		`Seed is not an input of ${DREAMSHAPER}, which takes Prompt, Negative Prompt, Width, Height, Steps and Guidance`,
	],
	[FLUX, { binaryPropertyOutput: { a: 1 } }, undefined, 'Put Output in Field must be text'],
];

test.each(PAST)('%s with %j: refused before sending', async (model, options, prompt, message) => {
	const result = await run(
		{ ...imageNode(model, options, prompt), onError: 'continueRegularOutput' },
		[{}, {}],
	);
	expect(server.current.apiRequests).toHaveLength(0);
	const items = result.outputs![0];
	expect(items).toHaveLength(2);
	for (const item of items) expect(String(item.json.error)).toContain(message);
});

test('an empty Negative Prompt counts as unset, also for a model that does not take one', async () => {
	const result = await run(imageNode(FLUX, { negativePrompt: '' }));
	expect(result.error).toBeUndefined();
	expect(server.current.requests[0].body.data).toEqual({ prompt: 'a red fox' });
});

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
