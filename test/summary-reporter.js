// Prints the plain summary line CI reads, from jest's own aggregated results.
class SummaryReporter {
	onRunComplete(_contexts, results) {
		const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
		process.stdout.write(`tests: ${results.numPassedTests} passed, ${failed} failed\n`);
	}
}
module.exports = SummaryReporter;
