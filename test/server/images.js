// The image models as the loopback Dataoorts server plays them (the reference's "Documented: image
// generation", copied here): each model's documented inputs and ranges, checked like the real
// contract, and both documented answer shapes: the JSON envelope with result.image_base64, or the
// raw image bytes. The shape is the server's setting (imageShape) or a "[[shape:json|raw|octet]]"
// directive in the prompt; "[[image:<bad>]]" answers one of the bad answers below instead, and
// "[[bytes:N]]" pads the PNG to N bytes (benchmarks).
'use strict';

const zlib = require('node:zlib');

const SDXL = {
	inputs: ['prompt', 'negative_prompt', 'height', 'width', 'num_steps', 'guidance', 'seed'],
	steps: { name: 'num_steps', max: 20 },
};

/** model id → the inputs its page documents (prompt included) and its step range. */
const IMAGE_MODELS = {
	'black-forest-labs/flux-1-schnell': {
		inputs: ['prompt', 'steps', 'seed'],
		steps: { name: 'steps', max: 8 },
		maxPrompt: 2048,
	},
	'stabilityai/stable-diffusion-xl-base-1.0': SDXL,
	'bytedance/stable-diffusion-xl-lightning': SDXL,
	'lykon/dreamshaper-8-lcm': { ...SDXL, inputs: SDXL.inputs.filter((name) => name !== 'seed') },
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(buffer) {
	let crc = 0xffffffff;
	for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'latin1');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
	return Buffer.concat([head, data, crc]);
}

/**
 * A real 16 × 16 RGB PNG in one colour (from the seed), padded with an ancillary chunk (which
 * decoders skip) to `totalBytes` when that is larger.
 */
function makePng(seed = 7, totalBytes = 0) {
	const size = 16;
	const row = Buffer.alloc(1 + size * 3);
	for (let x = 0; x < size; x++)
		row.set([seed % 256, (seed * 7) % 256, (seed * 13) % 256], 1 + x * 3);
	const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 2, 0, 0, 0], 8);
	const parts = [
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', pixels),
	];
	const end = chunk('IEND', Buffer.alloc(0));
	const used = parts.reduce((sum, part) => sum + part.length, 0) + end.length;
	if (totalBytes > used + 12) parts.push(chunk('paDd', Buffer.alloc(totalBytes - used - 12)));
	return Buffer.concat([...parts, end]);
}

function invalid(message) {
	return {
		status: 400,
		body: { result: null, success: false, errors: [{ code: 5006, message }], messages: [] },
	};
}

function inRange(value, min, max) {
	return Number.isInteger(value) && value >= min && value <= max;
}

/** The first input the model's page does not document, or out of its range, as an error answer. */
function imageContractError(model, data) {
	const spec = IMAGE_MODELS[model];
	if (typeof data.prompt !== 'string' || [...data.prompt].length < 2)
		return invalid("Type mismatch of '/prompt', at least 2 characters");
	if (spec.maxPrompt && [...data.prompt].length > spec.maxPrompt)
		return invalid(`Type mismatch of '/prompt', at most ${spec.maxPrompt} characters`);
	const unknown = Object.keys(data).find((name) => !spec.inputs.includes(name));
	if (unknown) return invalid(`Unknown property '/${unknown}'`);
	for (const name of ['width', 'height']) {
		if (name in data && !inRange(data[name], 256, 2048))
			return invalid(`Type mismatch of '/${name}', 256 to 2048`);
	}
	const steps = data[spec.steps.name];
	if (steps !== undefined && !inRange(steps, 1, spec.steps.max))
		return invalid(`Type mismatch of '/${spec.steps.name}', 1 to ${spec.steps.max}`);
	if ('guidance' in data && (typeof data.guidance !== 'number' || !Number.isFinite(data.guidance)))
		return invalid("Type mismatch of '/guidance'");
	if ('seed' in data && !Number.isInteger(data.seed)) return invalid("Type mismatch of '/seed'");
	return undefined;
}

const envelopeOf = (base64) =>
	JSON.stringify({ errors: [], messages: [], result: { image_base64: base64 }, success: true });

/** The bad answers an image request can ask for with "[[image:<name>]]": [content type, body]. */
const BAD_ANSWERS = {
	html: () => ['text/html', '<!DOCTYPE html><html><body><h1>Service busy</h1></body></html>'],
	empty: () => ['image/png', ''],
	truncated: (png) => ['image/png', png.subarray(0, png.length - 20)],
	'no-base64': () => [
		'application/json',
		JSON.stringify({ errors: [], messages: [], result: { response: 'done' }, success: true }),
	],
	'bad-base64': () => ['application/json', envelopeOf('iVBOR*not base64*')],
	'not-image': () => [
		'application/json',
		envelopeOf(Buffer.from('just some text').toString('base64')),
	],
	'truncated-base64': (png) => [
		'application/json',
		envelopeOf(png.subarray(0, png.length - 20).toString('base64')),
	],
	text: () => ['text/plain', 'OK'],
};

function directive(prompt, name) {
	const match = String(prompt).match(new RegExp(`\\[\\[${name}:([a-z0-9-]+)\\]\\]`, 'i'));
	return match ? match[1] : undefined;
}

/** Recent images and their base64, so a benchmark's server spends its time waiting, not drawing. */
const recent = new Map();

function cachedPng(seed, bytes) {
	const key = `${seed}:${bytes}`;
	if (!recent.has(key)) {
		if (recent.size >= 4) recent.delete(recent.keys().next().value);
		const png = makePng(seed, bytes);
		recent.set(key, { png, envelope: envelopeOf(png.toString('base64')) });
	}
	return recent.get(key);
}

/** The answer to a valid image request: [content type, body]. */
function imageAnswer(body, defaultShape = 'json', defaultBytes = 0) {
	const { prompt, seed } = body.data;
	const bytes = Number(directive(prompt, 'bytes') ?? defaultBytes);
	const { png, envelope } = cachedPng(typeof seed === 'number' ? seed : 7, bytes);
	const bad = directive(prompt, 'image');
	if (bad && BAD_ANSWERS[bad]) return BAD_ANSWERS[bad](png);
	const shape = directive(prompt, 'shape') ?? defaultShape;
	if (shape === 'raw') return ['image/png', png];
	if (shape === 'octet') return ['application/octet-stream', png];
	return ['application/json', envelope];
}

module.exports = { IMAGE_MODELS, imageContractError, imageAnswer, makePng, BAD_ANSWERS };
