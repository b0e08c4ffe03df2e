// @ts-check
// Runs Mozilla's addons-linter on the Firefox build and fails on any error, and on any warning
// except the one known to come from Preact's renderer (see README, "Known linter warnings").
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const buildDir = process.argv[2] ?? '.output/firefox-mv3';

/** Preact assigns `innerHTML` only for `dangerouslySetInnerHTML`, which this project never uses. */
const KNOWN = [
  { code: 'UNSAFE_VAR_ASSIGNMENT', source: /\.innerHTML\s*=\s*[\w$]+\.__html\b/, cause: "Preact's renderer" },
];

/** @param {{code: string, file?: string, line?: number}} finding */
function knownCause(finding) {
  if (!finding.file || !finding.line) return null;
  const line = readFileSync(join(buildDir, finding.file), 'utf8').split('\n')[finding.line - 1] ?? '';
  return KNOWN.find((k) => k.code === finding.code && k.source.test(line))?.cause ?? null;
}

let output;
try {
  output = execFileSync(join('node_modules', '.bin', 'addons-linter'), ['--output', 'json', buildDir], {
    encoding: 'utf8',
  });
} catch (error) {
  // addons-linter exits non-zero when it finds errors; its JSON is still on stdout.
  output = /** @type {{stdout?: string}} */ (error).stdout ?? '';
}
const report = JSON.parse(output);
const problems = [...report.errors, ...report.warnings.filter((/** @type {any} */ w) => !knownCause(w))];
for (const w of report.warnings) {
  const cause = knownCause(w);
  if (cause) console.log(`known warning ${w.code} in ${w.file}:${w.line} (${cause})`);
}
for (const p of problems)
  console.error(`${p._type ?? 'problem'} ${p.code} ${p.file ?? ''}:${p.line ?? ''} ${p.message}`);
console.log(
  `addons-linter on ${buildDir}: ${report.errors.length} errors, ${report.warnings.length} warnings, ${problems.length} not accepted`,
);
process.exit(problems.length === 0 ? 0 : 1);
