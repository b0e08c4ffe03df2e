// @ts-check
// What the Chromium benchmarks share: building a benchmark page from tests/bench/ with the project's
// own lib/ code, and printing results as a markdown table.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** The project root, with no trailing slash. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

/**
 * Builds a benchmark page; lib/ is reached through the same `@` alias as the extension's build.
 * @param {string} pageDir folder holding the page's index.html
 * @param {string} outDir where the built page goes
 * @param {Record<string, string>} [alias] extra module aliases
 */
export async function buildBenchPage(pageDir, outDir, alias = {}) {
  await build({
    configFile: false,
    root: pageDir,
    base: './',
    mode: 'production',
    logLevel: 'warn',
    resolve: { alias: { '@': ROOT, ...alias } },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'esnext',
      minify: true,
      reportCompressedSize: false,
      rollupOptions: {
        // Zod's sources carry comments Rollup cannot place; it drops them, which changes nothing.
        onwarn(warning, warn) {
          if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
        },
      },
    },
  });
}

/**
 * A markdown table with padded columns.
 * @param {string[][]} rows header first
 */
export function markdownTable(rows) {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  /** @param {string[]} row */
  const line = (row) => `| ${row.map((cell, i) => (cell ?? '').padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const [header, ...body] = rows;
  return [line(header ?? []), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...body.map(line)].join('\n');
}

/**
 * The targets table both benchmarks print: case, figure, target, and pass / MISSED.
 * @param {{ case: string, figure: string, target: string, pass: boolean | null }[]} rows
 */
export function targetTable(rows) {
  return markdownTable([
    ['case', 'figure', 'target', 'result'],
    ...rows.map((r) => [r.case, r.figure, r.target, r.pass === null ? '' : r.pass ? 'pass' : 'MISSED']),
  ]);
}
