// @ts-check
// Prints the size of each built bundle, raw and gzipped, and checks the content script's budget:
// it is injected into every page a researcher opens, so it must stay small (30 KB gzipped). Over the
// budget it exits with 1, which fails `npm run build` (and so `npm test`). `--check` prints only the
// verdict.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const BUILD = args.find((a) => !a.startsWith('--')) ?? '.output/chrome-mv3';
/** The content script's file in the build (wxt.config.ts declares it in the manifest). */
export const CONTENT_SCRIPT = 'page-annotator.js';
const CONTENT_BUDGET = 30 * 1024;

/** @param {string} dir @returns {string[]} */
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;
const rows = files(BUILD)
  .filter((f) => /\.(js|css|html)$/.test(f))
  .map((f) => {
    const data = readFileSync(f);
    return { file: relative(BUILD, f), raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
  })
  .sort((a, b) => b.gzip - a.gzip);

if (!checkOnly) {
  console.log(`| bundle (${BUILD}) | raw | gzip |\n| --- | ---: | ---: |`);
  for (const r of rows) console.log(`| ${r.file} | ${kb(r.raw)} | ${kb(r.gzip)} |`);
}
const content = rows.find((r) => r.file === CONTENT_SCRIPT);
if (!content) {
  console.error('no content script in the build: run `npm run build` first');
  process.exit(1);
}
const verdict = content.gzip <= CONTENT_BUDGET ? 'within' : 'OVER';
console.log(
  `${checkOnly ? '' : '\n'}content script (${BUILD}): ${kb(content.gzip)} gzipped, ${verdict} the ${kb(CONTENT_BUDGET)} budget`,
);
if (content.gzip > CONTENT_BUDGET) process.exit(1);
