import { RecordsDatabase } from '@/lib/db/database';
import { filterAnnotationIds, NO_FILTER } from '@/lib/db/filters';
import { mergeRecordSet } from '@/lib/db/merge';
import { recordDetails } from '@/lib/db/record-details';
import { annotationsForUrl, readScope } from '@/lib/db/records';
import { TABLE_NAMES } from '@/lib/db/rows';
import { searchRecords } from '@/lib/db/search';
import { exportRecords, type ExportRequest } from '@/lib/export/export-records';
import type { ExportFormat } from '@/lib/export/file-name';
import { migrateToCurrent } from '@/lib/export/migrations';
import { buildEnvelope, serializeEnvelope } from '@/lib/export/native';
import { MAX_IMPORT_CHARS, parseImport } from '@/lib/export/parse-import';
import { ExportEnvelope, SCHEMA_ID, type RecordSet } from '@/lib/schema/envelope';
import { BUILT_IN_KINDS } from '@/lib/schema/kinds';
import { findBrokenLink } from '@/lib/schema/links';
import { runBaseline } from './baseline';
import { searchAnatomy } from './search-anatomy';
import { generateStore, ISSUE_SIZE } from './generate';
import { canForceGc, distribution, heapMiB, since, timed, utf8MiB } from './measure';
import { pickLookups, pickQueries, type Lookup } from './queries';
import {
  deleteDatabase,
  log,
  mib,
  percentileRow,
  round2,
  seconds,
  type BenchResults,
  type BenchRow,
  type Section,
} from './report';

// The records store at the issue's scale in real Chromium IndexedDB: import (validation included),
// exports, page lookups, search and the JS heap (phase "store"), and the raw Dexie baseline of the
// same rows (phase "baseline", run by the script in a second origin so it gets its own LevelDB).
// scripts/bench-chromium.mjs builds this page, serves it from 127.0.0.1 and reads the results.

const SEED = 20_261_122;
const EXPORTED_AT = '2026-11-22T12:00:00.000Z';
// lib/export/generator.ts reads the extension manifest; this page has none, so it names itself.
const GENERATOR = { name: 'Source Annotator', version: '0.1.0' };
const CREATOR = 'Benchmark';
const HEADER = {
  exportedAt: EXPORTED_AT,
  generator: GENERATOR,
  creator: CREATOR,
  scope: { kind: 'all' as const },
  kinds: BUILT_IN_KINDS,
};
const DB_NAME = 'bench-records';
const EXPORT_RUNS = 3;
const LOOKUPS = 200;
const LOOKUP_WARMUP = 20;
const QUERIES = 100;
const QUERY_WARMUP = 10;
// Queries are reported apart by how many records they match, up to this many or more.
const MANY_MATCHES = 1_000;

function exportRequest(format: ExportFormat): ExportRequest {
  return { ...HEADER, scopeLabel: null, format };
}

/** Empties the lists of `set` in place, so the records can be collected before the next heap reading. */
function release(set: RecordSet): void {
  for (const name of TABLE_NAMES) set[name].length = 0;
}

/** Whether parseImport takes the file, and how long it took, keeping nothing of what it parsed. */
async function importGate(text: string) {
  const { ms, value } = await timed(() => parseImport(text));
  return { ms, chars: text.length, accepted: value.ok, message: value.ok ? null : value.message };
}

/**
 * parseImport's own steps in its order (BOM strip, JSON.parse, schema id, migrations, the envelope
 * schema, the link check), each timed. Used because parseImport refuses a file above
 * MAX_IMPORT_CHARS before any of them runs; past that gate the work is the same.
 */
function parseImportSteps(text: string) {
  let start = performance.now();
  const json: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
  const jsonParseMs = since(start);
  start = performance.now();
  if (typeof json !== 'object' || json === null || (json as { schema?: unknown }).schema !== SCHEMA_ID) {
    throw new Error('the generated file does not name the schema');
  }
  const migrated = migrateToCurrent(json as Record<string, unknown>);
  if (!migrated.ok) throw new Error(migrated.message);
  const parsed = ExportEnvelope.safeParse(migrated.file);
  const zodMs = since(start);
  if (!parsed.success) throw new Error(`the generated file is invalid: ${JSON.stringify(parsed.error.issues[0])}`);
  start = performance.now();
  const { sources, annotations, persons, cases } = parsed.data;
  const set: RecordSet = { sources, annotations, persons, cases };
  const broken = findBrokenLink(set);
  const linkCheckMs = since(start);
  if (broken) throw new Error(`the generated file has a broken link: ${broken.path}`);
  return { envelope: parsed.data, set, jsonParseMs, zodMs, linkCheckMs };
}

/** Where the native export's time goes: reading every record, then building and writing the JSON. */
async function exportSplits(db: RecordsDatabase) {
  const read = await timed(() => readScope(db, { kind: 'all' }));
  const serialize = await timed(() => serializeEnvelope(buildEnvelope(read.value, HEADER)));
  return { readAllMs: read.ms, buildAndStringifyMs: serialize.ms, chars: serialize.value.length };
}

async function runStore(): Promise<{ rows: BenchRow[]; details: Record<string, unknown> }> {
  const rows: BenchRow[] = [];
  const row = (section: Section, label: string, figure: string, target = '', pass: boolean | null = null) =>
    rows.push({ section, case: label, figure, target, pass });
  const details: Record<string, unknown> = {};
  const heap: Record<string, number | null> = {};
  await deleteDatabase(DB_NAME);
  heap.beforeGenerating = await heapMiB();

  // 1. The data and its native export file text, as a researcher's backup would hold it.
  log('generating records…');
  const generation = await timed(() => generateStore(SEED, ISSUE_SIZE));
  const { set: generated, names, counts } = generation.value;
  const perSource = new Map<string, number>();
  for (const a of generated.annotations) perSource.set(a.sourceId, (perSource.get(a.sourceId) ?? 0) + 1);
  const lookups = pickLookups(SEED + 1, generated.sources, perSource, LOOKUP_WARMUP + LOOKUPS);
  const queries = pickQueries(SEED + 2, names, QUERY_WARMUP + QUERIES);
  let importText = serializeEnvelope(buildEnvelope(generated, HEADER));
  const fileMiB = utf8MiB(importText);
  details.data = {
    ...Object.fromEntries(TABLE_NAMES.map((name) => [name, generated[name].length])),
    ...counts,
    generateMs: Math.round(generation.ms),
    fileChars: importText.length,
    fileMiB,
  };
  release(generated); // only the file text goes on; the records are read back from it
  heap.afterGenerating = await heapMiB();

  // 2. Import, validation included, into an empty database.
  log(`importing ${importText.length.toLocaleString('en')} characters (${fileMiB.toFixed(1)} MiB)…`);
  const gate = await importGate(importText);
  details.parseImportGate = { ...gate, maxImportChars: MAX_IMPORT_CHARS };
  row(
    'import',
    'parseImport() takes the native export of 100k annotations',
    gate.accepted ? 'accepted' : `refused: ${(importText.length / 2 ** 20).toFixed(1)} Mi chars`,
    `accepted (limit ${MAX_IMPORT_CHARS / 2 ** 20} Mi chars)`,
    gate.accepted,
  );
  const db = new RecordsDatabase(DB_NAME);
  await db.open();
  const importStart = performance.now();
  const steps = parseImportSteps(importText);
  const merged = await timed(() => mergeRecordSet(db, steps.set, () => EXPORTED_AT));
  const importMs = since(importStart);
  log(
    `import ${seconds(importMs)}: JSON.parse ${seconds(steps.jsonParseMs)}, Zod ${seconds(steps.zodMs)}, ` +
      `links ${seconds(steps.linkCheckMs)}, mergeRecordSet ${seconds(merged.ms)}`,
  );
  heap.afterImport = await heapMiB(); // the file text and the parsed records are still held here
  details.import = {
    totalMs: importMs,
    jsonParseMs: steps.jsonParseMs,
    zodValidationMs: steps.zodMs,
    linkCheckMs: steps.linkCheckMs,
    mergeRecordSetMs: merged.ms,
    added: merged.value.added,
    conflicts: merged.value.conflicts.length,
  };
  row('import', 'import 100k: parseImport steps + mergeRecordSet', seconds(importMs), '≤ 8 s', importMs <= 8_000);
  row(
    'import',
    '  of which JSON.parse / Zod / link check / mergeRecordSet',
    [steps.jsonParseMs, steps.zodMs, steps.linkCheckMs, merged.ms].map(seconds).join(' / '),
  );

  // The literal parseImport on the same records written without indentation, which fits the limit.
  const compact = await importGate(JSON.stringify(steps.envelope));
  const compactChars = `${(compact.chars / 2 ** 20).toFixed(1)} Mi chars`;
  details.compactParseImport = compact;
  row(
    'import',
    '  parseImport() alone, same records as unindented JSON',
    compact.accepted ? `${seconds(compact.ms)} (${compactChars})` : `refused (${compactChars})`,
  );
  release(steps.set);

  // 3. Exports of everything. The first native export runs straight after the import, while LevelDB
  // still compacts 100k fresh records, so the figure is the median of three runs.
  log('exporting…');
  const nativeRuns: number[] = [];
  let roundTrip = false;
  let exportMiB = 0;
  for (let i = 0; i < EXPORT_RUNS; i++) {
    const native = await timed(() => exportRecords(db, exportRequest('native')));
    nativeRuns.push(native.ms);
    if (i === 0) roundTrip = native.value.text === importText;
    if (i === EXPORT_RUNS - 1) {
      importText = '';
      heap.afterExport = await heapMiB(); // the native export text is still held here
      exportMiB = utf8MiB(native.value.text);
    }
    native.value.text = '';
  }
  const nativeMs = distribution(nativeRuns).p50;
  const w3c = await timed(() => exportRecords(db, exportRequest('w3c')));
  const w3cMiB = utf8MiB(w3c.value.text);
  w3c.value.text = '';
  const csv = await timed(() => exportRecords(db, exportRequest('csv')));
  const csvMiB = utf8MiB(csv.value.text);
  csv.value.text = '';
  const splits = await exportSplits(db);
  log(`exports: native ${nativeRuns.map(seconds).join(', ')}; W3C ${seconds(w3c.ms)}, CSV ${seconds(csv.ms)}`);
  details.export = {
    nativeRunsMs: nativeRuns,
    w3cMs: w3c.ms,
    csvMs: csv.ms,
    nativeMiB: exportMiB,
    w3cMiB,
    csvMiB,
    nativeIdenticalToImportedFile: roundTrip,
    ...splits,
  };
  row('export', `export all, native JSON (median of ${EXPORT_RUNS})`, seconds(nativeMs), '≤ 3 s', nativeMs <= 3_000);
  row('export', '  each run (the first straight after the import)', nativeRuns.map(seconds).join(', '));
  row(
    'export',
    '  of which readScope(all) / buildEnvelope + JSON.stringify',
    `${seconds(splits.readAllMs)} / ${seconds(splits.buildAndStringifyMs)}`,
  );
  row('export', 'export all, W3C JSON-LD', seconds(w3c.ms), '(≤ 3 s)', w3c.ms <= 3_000);
  row('export', 'export all, CSV', seconds(csv.ms), '(≤ 3 s)', csv.ms <= 3_000);
  row('export', 'native export byte-identical to the imported file', roundTrip ? 'yes' : 'no', 'yes', roundTrip);

  // 4. Records of one page by URL.
  log('page lookups…');
  const lookup = async (item: Lookup) => {
    const start = performance.now();
    const found = await annotationsForUrl(db, item.url);
    return { ms: since(start), ok: found.length === item.expected };
  };
  for (const item of lookups.slice(0, LOOKUP_WARMUP)) await lookup(item);
  const perLookup: { by: Lookup['by']; annotations: number; ms: number }[] = [];
  let lookupMismatches = 0;
  for (const item of lookups.slice(LOOKUP_WARMUP)) {
    const { ms: taken, ok } = await lookup(item);
    perLookup.push({ by: item.by, annotations: item.expected, ms: taken });
    if (!ok) lookupMismatches++;
  }
  const lookupStats = distribution(perLookup.map((l) => l.ms));
  const perRecord = perLookup.map((l) => l.ms / Math.max(1, l.annotations));
  details.lookups = {
    all: lookupStats,
    visitedWithTracking: distribution(perLookup.filter((l) => l.by === 'visited').map((l) => l.ms)),
    canonical: distribution(perLookup.filter((l) => l.by === 'canonical').map((l) => l.ms)),
    mismatches: lookupMismatches,
    annotationsPerPage: distribution(perLookup.map((l) => l.annotations)),
    msPerAnnotation: distribution(perRecord),
    slowest: [...perLookup]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10)
      .map((l) => ({ ...l, ms: round2(l.ms) })),
  };
  rows.push(percentileRow('lookup', `annotationsForUrl, ${lookupStats.n} pages`, lookupStats, 5));
  row(
    'lookup',
    '  lookups returning every highlight of the page',
    `${lookupStats.n - lookupMismatches} / ${lookupStats.n}`,
    `${lookupStats.n} / ${lookupStats.n}`,
    lookupMismatches === 0,
  );

  // 5. Search.
  log('searches…');
  const search = async (query: string) => {
    const start = performance.now();
    const found = await searchRecords(db, query);
    return { ms: since(start), matches: found.matches.annotations + found.matches.persons + found.matches.cases };
  };
  for (const query of queries.slice(0, QUERY_WARMUP)) await search(query);
  const perQuery: { query: string; ms: number; matches: number }[] = [];
  for (const query of queries.slice(QUERY_WARMUP)) perQuery.push({ query, ...(await search(query)) });
  const searchStats = distribution(perQuery.map((q) => q.ms));
  const many = perQuery.filter((q) => q.matches > MANY_MATCHES);
  const few = perQuery.filter((q) => q.matches <= MANY_MATCHES);
  details.search = {
    all: searchStats,
    upToThousandMatches: distribution(few.map((q) => q.ms)),
    overThousandMatches: distribution(many.map((q) => q.ms)),
    queriesWithHits: perQuery.filter((q) => q.matches > 0).length,
    slowest: [...perQuery]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10)
      .map((q) => ({ ...q, ms: round2(q.ms) })),
  };
  const slowest = [...perQuery].sort((a, b) => b.ms - a.ms).slice(0, 5);
  const anatomy = [];
  for (const { query } of slowest) anatomy.push(await searchAnatomy(db, query));
  details.searchAnatomy = anatomy;
  rows.push(percentileRow('search', `searchRecords, ${searchStats.n} queries`, searchStats, 50));
  const fewStats = distribution(few.map((q) => q.ms));
  const manyStats = distribution(many.map((q) => q.ms));
  row(
    'search',
    `  p95 of the ${few.length} queries with ≤ ${MANY_MATCHES} matches / the ${many.length} with more`,
    `${few.length ? `${round2(fewStats.p95)} ms` : 'n/a'} / ${many.length ? `${round2(manyStats.p95)} ms` : 'n/a'}`,
  );
  row('search', '  queries finding something', `${perQuery.filter((q) => q.matches > 0).length} / ${searchStats.n}`);

  // The same queries as the side panel runs them: the "All records" search orders every match
  // (the highlights linked to matching persons and cases included) and reads the first screen.
  const listSearch = async (query: string) => {
    const start = performance.now();
    const found = await filterAnnotationIds(db, { ...NO_FILTER, query });
    await recordDetails(db, await found.order.upTo(FIRST_SCREEN));
    return since(start);
  };
  for (const query of queries.slice(0, QUERY_WARMUP)) await listSearch(query);
  const perListQuery: number[] = [];
  for (const query of queries.slice(QUERY_WARMUP)) perListQuery.push(await listSearch(query));
  const listStats = distribution(perListQuery);
  details.listSearch = listStats;
  rows.push(
    percentileRow(
      'search',
      `"All records" search: filterAnnotationIds + recordDetails of the first ${FIRST_SCREEN}, same queries`,
      listStats,
      50,
    ),
  );
  db.close();

  // 6. Memory.
  details.heapMiB = heap;
  row(
    'memory',
    'JS heap: before generating / after import / after export',
    [heap.beforeGenerating, heap.afterImport, heap.afterExport].map(mib).join(' / '),
  );
  row('memory', 'export file size, UTF-8: native / W3C / CSV', [exportMiB, w3cMiB, csvMiB].map(mib).join(' / '));
  return { rows, details };
}

// Rows the "All records" list shows before any scrolling.
const FIRST_SCREEN = 20;

async function run(): Promise<BenchResults> {
  const phase = new URLSearchParams(location.search).get('phase') ?? 'store';
  const { rows, details } = phase === 'baseline' ? await runBaseline(SEED) : await runStore();
  return {
    ok: true,
    phase,
    userAgent: navigator.userAgent,
    cores: navigator.hardwareConcurrency,
    heapAfterForcedGc: canForceGc,
    crossOriginIsolated: globalThis.crossOriginIsolated,
    rows,
    details,
  };
}

run().then(
  (results) => {
    log('done');
    window.__benchResults = results;
  },
  (error: unknown) => {
    const message = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
    log(`failed: ${message}`);
    window.__benchResults = { ok: false, error: message };
  },
);
