// Adds one plain closing line ("gugus: N passed, N failed, N skipped") that any CI can read. It is
// written on exit, after Jest's own summary and its force-exit notice; Jest silences stdout/stderr
// streams while exiting, so it goes straight to file descriptor 2.
const { writeSync } = require('node:fs');

class ClosingLineReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numRuntimeErrorTestSuites } = results;
    const line = `\ngugus: ${numPassedTests} passed, ${numFailedTests + numRuntimeErrorTestSuites} failed, ${numPendingTests + numTodoTests} skipped\n`;
    process.once('exit', () => writeSync(2, line));
  }
}

module.exports = ClosingLineReporter;
