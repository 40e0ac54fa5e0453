#!/usr/bin/env node
// Sums jest --json result files into the plain closing line CI reads: "N passed, N failed".
// A missing or empty result file counts as a failure: a run that executed nothing must not pass.
import { readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
let broken = false;
for (const file of process.argv.slice(2)) {
  try {
    const r = JSON.parse(readFileSync(file, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    // suites that failed to run (syntax error, import failure) have no failed tests but must fail CI
    failed += r.numRuntimeErrorTestSuites ?? 0;
  } catch (error) {
    console.error(`jest-summary: cannot read ${file}: ${error.message}`);
    broken = true;
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(broken || failed > 0 || passed === 0 ? 1 : 0);
