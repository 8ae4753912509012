// Prints the plain summary line CI reads, from jest's own aggregated results: "tests: …" for
// `npm test`, or the label the config gives (jest.slow.config.js: "slow: …").
class SummaryReporter {
	constructor(_globalConfig, options = {}) {
		this.label = options.label ?? 'tests';
	}

	onRunComplete(_contexts, results) {
		const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
		process.stdout.write(`${this.label}: ${results.numPassedTests} passed, ${failed} failed\n`);
	}
}
module.exports = SummaryReporter;
