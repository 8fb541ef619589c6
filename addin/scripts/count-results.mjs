// Prints "passed failed skipped" for a vitest JSON report (used by scripts/test.sh). A file
// whose setup failed leaves its tests "skipped" with success=false: those count as failed.
import { readFileSync } from "node:fs";

const r = JSON.parse(readFileSync(process.argv[2], "utf8"));
let failed = r.numFailedTests;
let skipped = r.numPendingTests + r.numTodoTests;
if (r.success === false && failed === 0) {
  failed = Math.max(1, r.numTotalTests - r.numPassedTests);
  skipped = 0;
}
console.log(r.numPassedTests, failed, skipped);
