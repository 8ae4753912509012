/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// test/slow: wall-clock bounds and the package build, run apart (jest.slow.config.js).
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/slow/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
	},
	setupFiles: ['<rootDir>/test/setup-env.js'],
	reporters: ['default', '<rootDir>/test/summary-reporter.js'],
	testTimeout: 30_000,
	// jest's default on 2 cores is 1 worker; the engine tests wait on loopback I/O, so 2 overlap well.
	maxWorkers: 2,
};
