// After tsc: copies what n8n loads beside the compiled files, the icons and the node codex files.
// `gulp dev` (npm run dev): the package live in a local n8n, as `n8n-node dev` does for the template.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { task, src, dest, parallel, watch } = require('gulp');

const STATIC_FILES = [
	['nodes', '*.{png,svg}'],
	['credentials', '*.{png,svg}'],
	['nodes', '*.node.json'],
];

function copy(folder, pattern) {
	return () =>
		src(path.resolve(folder, '**', pattern), { encoding: false }).pipe(
			dest(path.resolve('dist', folder)),
		);
}

const copyStatic = parallel(...STATIC_FILES.map(([folder, pattern]) => copy(folder, pattern)));
task('build:icons', copyStatic);

/**
 * Builds, then keeps building on change (tsc --watch, static files) while the e2e suite's cached
 * n8n 2.x (installed on first use, with the Node it needs) runs with hot reload and dist/ linked
 * into its custom extension folder, the layout its reloader watches: edit, save, reload the editor.
 * N8N_PORT picks the port (default 5678); the n8n user folder is ~/.n8n-nodes-dataoorts-dev, apart
 * from any real n8n's.
 */
task('dev', (done) => {
	const { ensureN8n } = require('./test/e2e/install-n8n');
	const n8n = ensureN8n('2.41.1');
	if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: true }).status !== 0) {
		return done(new Error('npm run build failed'));
	}
	const userFolder = path.join(os.homedir(), '.n8n-nodes-dataoorts-dev');
	const custom = path.join(userFolder, 'custom');
	const link = path.join(custom, 'node_modules', 'n8n-nodes-dataoorts');
	fs.mkdirSync(path.dirname(link), { recursive: true });
	fs.rmSync(link, { force: true });
	fs.symlinkSync(path.resolve('dist'), link, 'junction');
	const tscBin = require.resolve('typescript/bin/tsc');
	const children = [
		spawn(process.execPath, [tscBin, '-p', 'tsconfig.json', '--watch', '--preserveWatchOutput'], {
			stdio: 'inherit',
		}),
		spawn(n8n.node, [n8n.bin, 'start'], {
			stdio: 'inherit',
			env: {
				...process.env,
				N8N_USER_FOLDER: userFolder,
				N8N_CUSTOM_EXTENSIONS: custom,
				N8N_DEV_RELOAD: 'true',
				N8N_PORT: process.env.N8N_PORT || '5678',
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_DIAGNOSTICS_ENABLED: 'false',
			},
		}),
	];
	STATIC_FILES.forEach(([folder, pattern]) =>
		watch(path.join(folder, '**', pattern), copy(folder, pattern)),
	);
	const stop = () => children.forEach((child) => child.kill('SIGTERM'));
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
	children[1].on('exit', () => {
		stop();
		done();
	});
});
