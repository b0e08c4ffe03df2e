import { describe, expect, it } from 'vitest';
import { pageRecords, type ServiceContext } from '@/lib/records/annotation-service';
import { BUILT_IN_KINDS } from '@/lib/schema/kinds';
import { defaultKinds, UNKNOWN_KIND_COLOR } from '@/lib/settings/kinds-vocabulary';
import { makeAnnotation, makeSource, uuid } from '../../support/records';
import { openTestDb, putAll } from '../../support/test-db';

// The kinds a page's content script receives with its records: the researcher's vocabulary, and
// a plain entry for any kind a highlight uses that the vocabulary does not describe.

const WITNESS = { id: 'witness', label: 'Witness', color: '#3366ff' };

async function page(vocabulary: ServiceContext['vocabulary'], kinds: string[]) {
  const db = openTestDb();
  const source = makeSource();
  await putAll(db, {
    sources: [source],
    annotations: kinds.map((kind) => makeAnnotation(source.id, { id: uuid(), kind })),
    persons: [],
    cases: [],
  });
  const ctx: ServiceContext = {
    db,
    now: () => '2026-11-22T10:00:00.000Z',
    newId: () => uuid(),
    creator: async () => null,
    lastKind: async () => 'person',
    rememberKind: async () => {},
    ...(vocabulary ? { vocabulary } : {}),
  };
  return (await pageRecords(ctx, source.url, source.canonicalUrl)).kinds;
}

describe('kinds sent with a page', () => {
  it.each([
    {
      name: 'no vocabulary: the built-in kinds',
      vocabulary: undefined,
      used: ['person'],
      expected: [...BUILT_IN_KINDS],
    },
    {
      name: "the researcher's vocabulary",
      vocabulary: async () => [...defaultKinds(), WITNESS],
      used: ['witness'],
      expected: [...BUILT_IN_KINDS, WITNESS],
    },
    {
      name: 'a kind the vocabulary lacks, added plainly',
      vocabulary: async () => defaultKinds(),
      used: ['fact', 'imported-kind', 'imported-kind'],
      expected: [...BUILT_IN_KINDS, { id: 'imported-kind', label: 'imported-kind', color: UNKNOWN_KIND_COLOR }],
    },
  ])('$name', async ({ vocabulary, used, expected }) => {
    expect(await page(vocabulary, used)).toEqual(expected);
  });
});
