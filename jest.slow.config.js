/**
 * The slow suite (`npm run test:slow`): what asserts wall-clock bounds, which flake on a loaded
 * machine, and the package build. .ci/run runs it after `npm test` and reads its "slow:" line.
 * @type {import('jest').Config}
 */
const base = require('./jest.config.js');

module.exports = {
	...base,
	roots: ['<rootDir>/test/slow'],
	testPathIgnorePatterns: ['/node_modules/'],
	reporters: ['default', ['<rootDir>/test/summary-reporter.js', { label: 'slow' }]],
};
