import { describe, expect, it } from 'vitest';
import { readAll } from '@/lib/db/records';
import {
  createAnnotation,
  pageRecords,
  recordAnchoring,
  removeAnnotation,
  restoreAnnotation,
  updateAnnotation,
  type ServiceContext,
} from '@/lib/records/annotation-service';
import type { SourceCapture } from '@/lib/messaging/protocol';
import type { Selector } from '@/lib/schema/selectors';
import { openTestDb } from '../../support/test-db';
import { uuid } from '../../support/records';

const PAGE = 'http://127.0.0.1:5179/release-digest.html';
const capture: SourceCapture = {
  url: `${PAGE}?utm_source=feed`,
  canonicalUrl: 'https://rights-monitor.example/news/political-prisoners-released-january-2024/',
  title: 'Freed after serving their terms',
  siteName: 'Belarus Rights Monitor',
  authors: ['Belarus Rights Monitor'],
  lang: 'en',
  publishedTime: '2024-02-02T12:47:42+03:00',
  modifiedTime: null,
  textSha256: 'b'.repeat(64),
};
const selectors: Selector[] = [
  { type: 'TextQuoteSelector', exact: 'Zinaida Mikhniuk', prefix: 'networks ', suffix: ', a trade' },
  { type: 'TextPositionSelector', start: 1467, end: 1483 },
];

function context(): ServiceContext & { kinds: string[] } {
  let tick = 0;
  const kinds: string[] = [];
  return {
    db: openTestDb(),
    now: () => `2026-11-22T10:00:${String(tick++).padStart(2, '0')}.000Z`,
    newId: () => uuid(),
    creator: async () => 'Alesia K.',
    lastKind: async () => kinds.at(-1) ?? 'person',
    rememberKind: async (kind) => void kinds.push(kind),
    kinds,
  };
}

describe('annotation service', () => {
  it('records the source with the first highlight and reuses it for the next', async () => {
    const ctx = context();
    const first = await createAnnotation(
      ctx,
      { source: capture, selectors, kind: 'person' },
      `${PAGE}?utm_source=feed`,
    );
    const second = await createAnnotation(ctx, { source: capture, selectors, kind: 'fact' }, PAGE);
    const { sources, annotations } = await readAll(ctx.db);
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({
      ...capture,
      firstAccessed: '2026-11-22T10:00:00.000Z',
      lastAccessed: '2026-11-22T10:00:01.000Z',
    });
    expect(first).toMatchObject({
      sourceId: sources[0]!.id,
      kind: 'person',
      creator: 'Alesia K.',
      fact: null,
      anchoring: { state: 'anchored' },
    });
    expect(second.fact).toEqual({ eventType: null, date: null, place: null, legalArticle: null, term: null });
    expect(annotations.map((a) => a.id).sort()).toEqual([first.id, second.id].sort());
    expect(ctx.kinds).toEqual(['person', 'fact']);
  });

  it('finds the page records by visited or canonical address', async () => {
    const ctx = context();
    const made = await createAnnotation(ctx, { source: capture, selectors, kind: 'person' }, capture.url);
    expect((await pageRecords(ctx, PAGE, null)).annotations).toEqual([made]);
    expect((await pageRecords(ctx, 'https://mirror.example/x', capture.canonicalUrl)).annotations).toEqual([made]);
    expect((await pageRecords(ctx, 'https://other.example/', null)).annotations).toEqual([]);
  });

  it('refuses a highlight whose claimed page is not the tab it came from', async () => {
    const ctx = context();
    await expect(
      createAnnotation(ctx, { source: capture, selectors, kind: 'person' }, 'https://evil.example/'),
    ).rejects.toThrow(/does not match the tab/);
    expect((await readAll(ctx.db)).sources).toEqual([]);
  });

  it('writes nothing when the highlight is invalid, not even the source', async () => {
    const ctx = context();
    await expect(createAnnotation(ctx, { source: capture, selectors: [], kind: 'person' }, PAGE)).rejects.toThrow(
      /selectors/,
    );
    expect(await readAll(ctx.db)).toEqual({ sources: [], annotations: [], persons: [], cases: [] });
  });

  it('changes kind and note, deletes with the record returned, and restores it exactly', async () => {
    const ctx = context();
    const made = await createAnnotation(ctx, { source: capture, selectors, kind: 'person' }, PAGE);
    const changed = await updateAnnotation(ctx, { id: made.id, kind: 'fact', note: 'Detained 2020.' }, PAGE);
    expect(changed).toMatchObject({ kind: 'fact', note: 'Detained 2020.', fact: { eventType: null } });
    expect(changed.modified > made.modified).toBe(true);
    const deleted = await removeAnnotation(ctx, made.id, PAGE);
    expect((await readAll(ctx.db)).annotations).toEqual([]);
    await restoreAnnotation(ctx, deleted, PAGE);
    expect((await readAll(ctx.db)).annotations).toEqual([changed]);
  });

  it('lets a content script change only the records of its own page', async () => {
    const ctx = context();
    const made = await createAnnotation(ctx, { source: capture, selectors, kind: 'person' }, PAGE);
    await expect(updateAnnotation(ctx, { id: made.id, note: 'x' }, 'https://other.example/')).rejects.toThrow(
      /another page/,
    );
    await expect(removeAnnotation(ctx, made.id, 'https://other.example/')).rejects.toThrow(/another page/);
    // Extension pages (pageUrl null) may change any record.
    await expect(updateAnnotation(ctx, { id: made.id, note: 'ok' }, null)).resolves.toMatchObject({ note: 'ok' });
  });

  it('writes anchoring only when the state changes', async () => {
    const ctx = context();
    const made = await createAnnotation(ctx, { source: capture, selectors, kind: 'person' }, PAGE);
    expect(await recordAnchoring(ctx, [{ id: made.id, state: 'anchored' }], PAGE)).toBe(0);
    expect(await recordAnchoring(ctx, [{ id: made.id, state: 'orphaned' }], PAGE)).toBe(1);
    expect((await readAll(ctx.db)).annotations[0]?.anchoring.state).toBe('orphaned');
    expect(await recordAnchoring(ctx, [{ id: uuid(), state: 'orphaned' }], PAGE)).toBe(0);
  });
});
