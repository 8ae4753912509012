/**
 * The package as n8n receives it: `npm run build` output and the `npm pack` file list, and the
 * built node and credential loaded the way n8n loads them (from the paths in package.json).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

beforeAll(() => {
	execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe' });
}, 120_000);

test('package.json is a community node package', () => {
	expect(manifest.name).toBe('n8n-nodes-dataoorts');
	expect(manifest.license).toBe('MIT');
	expect(manifest.keywords).toContain('n8n-community-node-package');
	expect(manifest.main).toBe('index.js');
	expect(manifest.files).toEqual(['dist']);
	expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	expect(Object.keys(manifest.dependencies)).toEqual(['undici']);
	expect(manifest.n8n).toEqual({
		n8nNodesApiVersion: 1,
		credentials: ['dist/credentials/DataoortsApi.credentials.js'],
		nodes: ['dist/nodes/Dataoorts/Dataoorts.node.js'],
	});
});

test('npm run build leaves the node, the credential, the codex file and the icons in dist/', () => {
	for (const file of [
		...manifest.n8n.nodes,
		...manifest.n8n.credentials,
		'dist/nodes/Dataoorts/Dataoorts.node.json',
		'dist/nodes/Dataoorts/dataoorts.svg',
		'dist/credentials/dataoorts.svg',
	]) {
		expect(existsSync(path.join(root, file))).toBe(true);
	}
	const codex = JSON.parse(readFileSync(path.join(root, 'dist/nodes/Dataoorts/Dataoorts.node.json'), 'utf8'));
	expect(codex.node).toBe('n8n-nodes-dataoorts.dataoorts');
	expect(codex.categories).toContain('AI');
});

test('npm pack holds only what n8n needs: compiled code, icons, codex, manifest, readme, licence', () => {
	const [pack] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
	);
	const files: string[] = pack.files.map((file: { path: string }) => file.path);
	expect(files.filter((file) => !/^dist\/.+\.(js|svg|node\.json)$/.test(file)).sort()).toEqual(
		['LICENSE', 'README.md', 'index.js', 'package.json'].filter((file) => existsSync(path.join(root, file))),
	);
	expect(files).toEqual(expect.arrayContaining([...manifest.n8n.nodes, ...manifest.n8n.credentials]));
	expect(files.some((file) => /\.ts$|\.map$|^test\/|^nodes\//.test(file))).toBe(false);
});

test('the built files load as n8n loads them, with the icons they name beside them', () => {
	const { Dataoorts } = require(path.join(root, manifest.n8n.nodes[0]));
	const { DataoortsApi } = require(path.join(root, manifest.n8n.credentials[0]));
	const node = new Dataoorts();
	const credential = new DataoortsApi();
	expect(node.description.name).toBe('dataoorts');
	expect(credential.name).toBe('dataoortsApi');
	for (const [file, icon] of [[manifest.n8n.nodes[0], node.description.icon], [manifest.n8n.credentials[0], credential.icon]]) {
		expect(existsSync(path.join(root, path.dirname(file), String(icon).replace(/^file:/, '')))).toBe(true);
	}
});
