/**
 * Generate an Image's checks in the engine: every image input at its edges and
 * one past them (an edge is sent and the loopback server, which checks the documented ranges
 * itself, accepts it; one past is refused before sending, in the panel's words); inputs a catalog
 * model does not take. (Bad answers: image-answers.test.ts.)
 */
import type { INodeParameters } from 'n8n-workflow';

import { runAgainst } from '../../helpers/run-against';
import { useDataoortsServer } from '../../helpers/server';
import { imageNode } from '../../helpers/image';

const server = useDataoortsServer();
const run = runAgainst(server);

const FLUX = 'black-forest-labs/flux-1-schnell';
const SDXL = 'stabilityai/stable-diffusion-xl-base-1.0';
const DREAMSHAPER = 'lykon/dreamshaper-8-lcm';

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
