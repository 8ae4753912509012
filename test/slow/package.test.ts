/**
 * The package as n8n receives it: `npm run build` output and the `npm pack` file list, and the
 * built node and credential loaded the way n8n loads them (from the paths in package.json).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const { buildPackageCopy } = require('../helpers/package-copy') as {
	buildPackageCopy: (dest: string) => void;
};

const repo = path.resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
/** A copy of the package in a temporary folder, built there (the working tree stays untouched). */
let root: string;

beforeAll(() => {
	root = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-dataoorts-package-'));
	buildPackageCopy(root);
}, 120_000);

afterAll(() => {
	if (root) rmSync(root, { recursive: true, force: true });
});

test('package.json is a community node package', () => {
	expect(manifest.name).toBe('n8n-nodes-dataoorts');
	expect(manifest.license).toBe('MIT');
	expect(manifest.keywords).toContain('n8n-community-node-package');
	// n8n finds the code through the "n8n" section; no entry point goes into the tarball.
	expect(manifest.main).toBeUndefined();
	expect(manifest.files).toEqual(['dist']);
	// The AI SDK is n8n's own copy (a second LangChain would break the agent): peer, never a dependency.
	expect(manifest.peerDependencies).toEqual({ '@n8n/ai-node-sdk': '*', 'n8n-workflow': '*' });
	expect(manifest.devDependencies['@n8n/ai-node-sdk']).toBe('0.31.1');
	expect(Object.keys(manifest.dependencies)).toEqual(['undici']);
	expect(manifest.n8n).toEqual({
		n8nNodesApiVersion: 1,
		aiNodeSdkVersion: 1,
		credentials: ['dist/credentials/DataoortsApi.credentials.js'],
		nodes: [
			'dist/nodes/Dataoorts/Dataoorts.node.js',
			'dist/nodes/LmChatDataoorts/LmChatDataoorts.node.js',
		],
	});
});

test('npm run build leaves the node, the credential, the codex file and the icons in dist/', () => {
	for (const file of [
		...manifest.n8n.nodes,
		...manifest.n8n.credentials,
		'dist/nodes/Dataoorts/Dataoorts.node.json',
		'dist/nodes/Dataoorts/dataoorts.svg',
		'dist/nodes/LmChatDataoorts/LmChatDataoorts.node.json',
		'dist/nodes/LmChatDataoorts/dataoorts.svg',
		'dist/credentials/dataoorts.svg',
	]) {
		expect(existsSync(path.join(root, file))).toBe(true);
	}
	const codex = JSON.parse(
		readFileSync(path.join(root, 'dist/nodes/Dataoorts/Dataoorts.node.json'), 'utf8'),
	);
	expect(codex.node).toBe('n8n-nodes-dataoorts.dataoorts');
	expect(codex.categories).toContain('AI');
	const chatCodex = JSON.parse(
		readFileSync(path.join(root, 'dist/nodes/LmChatDataoorts/LmChatDataoorts.node.json'), 'utf8'),
	);
	expect(chatCodex.node).toBe('n8n-nodes-dataoorts.lmChatDataoorts');
	expect(chatCodex.categories).toEqual(['AI']);
	expect(chatCodex.subcategories).toEqual({
		AI: ['Language Models', 'Root Nodes'],
		'Language Models': ['Chat Models (Recommended)'],
	});
});

test('npm pack holds only what n8n needs: compiled code, icons, codex, manifest, readme, licence', () => {
	const [pack] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		}),
	);
	const files: string[] = pack.files.map((file: { path: string }) => file.path);
	expect(files.filter((file) => !/^dist\/.+\.(js|svg|node\.json)$/.test(file)).sort()).toEqual([
		'LICENSE',
		'README.md',
		'package.json',
	]);
	expect(files).toEqual(
		expect.arrayContaining([...manifest.n8n.nodes, ...manifest.n8n.credentials]),
	);
	expect(files.some((file) => /\.ts$|\.map$|^test\/|^nodes\//.test(file))).toBe(false);
});

test('the built files load as n8n loads them, with the icons they name beside them', () => {
	const { Dataoorts } = require(path.join(root, manifest.n8n.nodes[0]));
	const { LmChatDataoorts } = require(path.join(root, manifest.n8n.nodes[1]));
	const { DataoortsApi } = require(path.join(root, manifest.n8n.credentials[0]));
	const node = new Dataoorts();
	const chatModel = new LmChatDataoorts();
	const credential = new DataoortsApi();
	expect(node.description.name).toBe('dataoorts');
	expect(chatModel.description.name).toBe('lmChatDataoorts');
	expect(credential.name).toBe('dataoortsApi');
	for (const [file, icon] of [
		[manifest.n8n.nodes[0], node.description.icon],
		[manifest.n8n.nodes[1], chatModel.description.icon],
		[manifest.n8n.credentials[0], credential.icon],
	]) {
		// A themed icon ({ light, dark }) names two files: both must be there.
		for (const variant of typeof icon === 'string' ? [icon] : [icon.light, icon.dark]) {
			expect(
				existsSync(path.join(root, path.dirname(file), String(variant).replace(/^file:/, ''))),
			).toBe(true);
		}
	}
});

test('without @n8n/ai-node-sdk (n8n 1.x, 2.x before 2.16.0) every built node still loads, and the chat model says what it needs', () => {
	// A plain Node process where the SDK cannot be resolved, as on n8n 1.123: node files are
	// required the way n8n's loader does (one failing file would drop the whole package).
	const probe = `
		const Module = require('module');
		const resolve = Module._resolveFilename;
		Module._resolveFilename = function (request, ...rest) {
			if (request === '@n8n/ai-node-sdk' || request.startsWith('@n8n/ai-node-sdk/')) {
				throw Object.assign(new Error("Cannot find module '" + request + "'"), { code: 'MODULE_NOT_FOUND' });
			}
			return resolve.call(this, request, ...rest);
		};
		const path = require('path');
		const manifest = require('./package.json');
		const loaded = manifest.n8n.nodes.map((file) => {
			const exports = require(path.resolve(file));
			return new exports[Object.keys(exports).find((key) => typeof exports[key] === 'function' && exports[key].prototype && 'description' in new exports[key]())]().description.name;
		});
		const aiModules = Object.keys(require.cache).filter((file) => /ai-node-sdk|ai-utilities|@langchain|DataoortsChatModel/.test(file));
		const { LmChatDataoorts } = require(path.resolve(manifest.n8n.nodes[1]));
		const context = { getNode: () => ({ name: 'Dataoorts Chat Model', type: 'n8n-nodes-dataoorts.lmChatDataoorts', typeVersion: 1, position: [0, 0], parameters: {} }) };
		new LmChatDataoorts().supplyData.call(context, 0).then(
			() => console.log(JSON.stringify({ loaded, aiModules, error: null })),
			(error) => console.log(JSON.stringify({ loaded, aiModules, error: { name: error.constructor.name, message: error.message } })),
		);
	`;
	const out = JSON.parse(
		execFileSync(process.execPath, ['-e', probe], { cwd: root, encoding: 'utf8' }),
	);
	expect(out).toEqual({
		loaded: ['dataoorts', 'lmChatDataoorts'],
		aiModules: [],
		error: {
			name: 'NodeOperationError',
			message: 'The Dataoorts Chat Model needs n8n 2.16.0 or newer',
		},
	});
});
