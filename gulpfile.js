// After tsc: copies what n8n loads beside the compiled files, the icons and the node codex files.
const path = require('path');
const { task, src, dest, parallel } = require('gulp');

function copy(folder, pattern) {
	return () =>
		src(path.resolve(folder, '**', pattern), { encoding: false }).pipe(
			dest(path.resolve('dist', folder)),
		);
}

task(
	'build:icons',
	parallel(
		copy('nodes', '*.{png,svg}'),
		copy('credentials', '*.{png,svg}'),
		copy('nodes', '*.node.json'),
	),
);
