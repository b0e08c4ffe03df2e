import { describe, expect, it } from 'vitest';
import { buildJsonSchema } from '@/lib/schema/json-schema';
import { SCHEMA_ID, SCHEMA_VERSION, type ExportEnvelope } from '@/lib/schema/envelope';
import { committedJsonSchema, validateAgainstCommittedSchema } from '../../support/validate-export';
import { makeRecordSet } from '../../support/records';

const envelope = (): ExportEnvelope => ({
  schema: SCHEMA_ID,
  version: SCHEMA_VERSION,
  exportedAt: '2026-11-22T12:00:00.000Z',
  generator: { name: 'Source Annotator', version: '0.1.0' },
  creator: 'Alesia K.',
  scope: { kind: 'all' },
  kinds: [],
  ...makeRecordSet(),
});

describe('the committed JSON Schema', () => {
  it('is what the Zod schemas generate (run `npm run schema` after changing lib/schema)', () => {
    expect(committedJsonSchema()).toEqual(JSON.parse(JSON.stringify(buildJsonSchema())));
  });

  it('accepts a valid export', () => {
    expect(validateAgainstCommittedSchema(envelope())).toBeNull();
  });

  it.each([
    ['a missing field', (e: ExportEnvelope) => ({ ...e, sources: undefined })],
    ['an unknown top-level field', (e: ExportEnvelope) => ({ ...e, extra: 1 })],
    ['another schema id', (e: ExportEnvelope) => ({ ...e, schema: 'https://example.org/other' })],
    ['a newer version', (e: ExportEnvelope) => ({ ...e, version: 2 })],
    ['a javascript: URL', (e: ExportEnvelope) => ({ ...e, sources: [{ ...e.sources[0]!, url: 'javascript:alert(1)' }] })],
    ['an oversized note', (e: ExportEnvelope) => ({ ...e, annotations: [{ ...e.annotations[0]!, note: 'x'.repeat(100_001) }] })],
    ['a non-UUID id', (e: ExportEnvelope) => ({ ...e, persons: [{ ...e.persons[0]!, id: 'p1' }] })],
  ])('rejects %s', (_label, change) => {
    expect(validateAgainstCommittedSchema(change(envelope()))).not.toBeNull();
  });
});
