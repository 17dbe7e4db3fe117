// Prints the plain closing line "tests: N passed, N failed" from vitest's JSON report.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2] ?? 'test-artifacts/vitest.json', 'utf8'));
console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
