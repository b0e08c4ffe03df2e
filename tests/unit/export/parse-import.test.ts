import { describe, expect, it } from 'vitest';
import { buildEnvelope, serializeEnvelope } from '@/lib/export/native';
import { fileSizeProblem, MAX_IMPORT_CHARS, parseImport } from '@/lib/export/parse-import';
import { toW3cCollection } from '@/lib/export/w3c';
import { makeRecordSet } from '../../support/records';

const header = {
  exportedAt: '2026-11-22T12:00:00.000Z',
  generator: { name: 'Source Annotator', version: '0.1.0' },
  creator: 'Alesia K.',
  scope: { kind: 'all' as const },
  kinds: [],
};
const nativeFile = (set = makeRecordSet()) => serializeEnvelope(buildEnvelope(set, header));
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests mutate arbitrary paths of the file
const edit = (change: (file: Record<string, any>) => void) => {
  const file = JSON.parse(nativeFile());
  change(file);
  return JSON.stringify(file);
};

describe('parseImport', () => {
  it('accepts a native export and returns its records', () => {
    const set = makeRecordSet();
    const parsed = parseImport(nativeFile(set));
    expect(parsed).toMatchObject({ ok: true, format: 'native', creator: 'Alesia K.' });
    if (parsed.ok) expect(parsed.set.annotations).toHaveLength(set.annotations.length);
  });

  it('accepts a native export with a UTF-8 byte-order mark', () => {
    expect(parseImport(`\uFEFF${nativeFile()}`).ok).toBe(true);
  });

  it('accepts our own W3C export and rebuilds the same records', () => {
    const set = makeRecordSet();
    const w3c = JSON.stringify(toW3cCollection(set, { ...header, kinds: [] }));
    const parsed = parseImport(w3c);
    expect(parsed).toMatchObject({ ok: true, format: 'w3c' });
    if (parsed.ok) expect(parsed.set).toEqual(set);
  });

  it.each(['native', 'w3c'] as const)('carries the kinds vocabulary of a %s file', (format) => {
    const kinds = [{ id: 'witness', label: 'Witness', color: '#aabbcc' }];
    const set = makeRecordSet();
    // An export writes the kinds its highlights use.
    set.annotations[0]!.kind = 'witness';
    const text =
      format === 'native'
        ? serializeEnvelope(buildEnvelope(set, { ...header, kinds }))
        : JSON.stringify(toW3cCollection(set, { ...header, kinds }));
    expect(parseImport(text)).toMatchObject({ ok: true, format, kinds });
  });

  it.each([
    ['not JSON', 'name,quote\nA,B', /^This is not a JSON file/],
    ['a JSON array', '[]', /not a JSON object/],
    ['another program’s JSON', '{"hello":"world"}', /does not name the schema/],
    [
      'a newer schema version',
      edit((f) => (f.version = 2)),
      /schema version 2, which is newer than this extension understands \(version 1\)/,
    ],
    [
      'a wrong type',
      edit((f) => (f.annotations[1].tags = 'a,b')),
      /a record is invalid: annotations\[1\]\.tags: expected array/,
    ],
    [
      'a 10 MB note',
      edit((f) => (f.annotations[0].note = 'x'.repeat(10 * 1024 * 1024))),
      /annotations\[0\]\.note: text longer than 100000 characters/,
    ],
    [
      'a __proto__ key',
      edit((f) => Object.defineProperty(f.persons[0], '__proto__', { value: { admin: true }, enumerable: true })),
      /persons\[0\]: unknown field "__proto__"/,
    ],
    ['a missing link', edit((f) => (f.persons = [])), /a link is broken: annotations\[0\]\.personIds\[0\]: no person/],
    ['a missing source', edit((f) => (f.sources = [])), /annotations\[0\]\.sourceId/],
  ])('refuses %s with a message naming the problem', (_label, text, message) => {
    const parsed = parseImport(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it('refuses a file unread only past twice the limit in bytes, since UTF-8 takes more bytes than characters', () => {
    expect(fileSizeProblem(2 * MAX_IMPORT_CHARS)).toBeNull();
    expect(fileSizeProblem(2 * MAX_IMPORT_CHARS + 1)).toMatch(/^The file is 180\.0 MB/);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const huge = ' '.repeat(MAX_IMPORT_CHARS + 1);
    const parsed = parseImport(huge);
    expect(parsed).toEqual({ ok: false, message: expect.stringMatching(/^The file is 90\.0 MB; the largest file/) });
  });
});
