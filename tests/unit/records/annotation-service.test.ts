import { describe, expect, it } from 'vitest';
import { putAnnotation, putSource, readAll } from '@/lib/db/records';
import type { MessageSenderInfo } from '@/lib/messaging/sender';
import {
  createAnnotation,
  pageRecords,
  recordAnchoring,
  removeAnnotation,
  requireSenderPage,
  restoreAnnotation,
  updateAnnotation,
  type ServiceContext,
} from '@/lib/records/annotation-service';
import type { SourceCapture } from '@/lib/messaging/protocol';
import type { Selector } from '@/lib/schema/selectors';
import { openTestDb } from '../../support/test-db';
import { makeAnnotation, makeSource, uuid } from '../../support/records';

/** The story's own address, which its pages declare as canonical. */
const STORY = 'https://rights-monitor.example/news/political-prisoners-released-january-2024/';
/** The page the researcher visited: another address on the story's site. */
const PAGE = 'https://amp.rights-monitor.example/release-digest.html';
/** A copy of the story on another site, declaring the story's canonical address (issue 11). */
const COPY = 'https://mirror-news.example/copied-story';
const capture: SourceCapture = {
  url: `${PAGE}?utm_source=feed`,
  canonicalUrl: STORY,
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

  it('finds the page records by visited or same-site canonical address', async () => {
    const ctx = context();
    const made = await createAnnotation(ctx, { source: capture, selectors, kind: 'person' }, capture.url);
    expect((await pageRecords(ctx, PAGE, null)).annotations).toEqual([made]);
    expect((await pageRecords(ctx, STORY, null)).annotations).toEqual([made]);
    expect((await pageRecords(ctx, 'https://www.rights-monitor.example/x', STORY)).annotations).toEqual([made]);
    expect((await pageRecords(ctx, 'https://other.example/', null)).annotations).toEqual([]);
  });

  it('files a highlight made on a copy under the copy, not under the canonical it declares', async () => {
    const ctx = context();
    const story = await createAnnotation(ctx, { source: capture, selectors, kind: 'person' }, PAGE);
    const copied = await createAnnotation(
      ctx,
      { source: { ...capture, url: COPY, canonicalUrl: STORY }, selectors, kind: 'fact' },
      COPY,
    );
    const { sources } = await readAll(ctx.db);
    expect(sources).toHaveLength(2);
    expect(sources.find((s) => s.id === copied.sourceId)).toMatchObject({ url: COPY, canonicalUrl: null });
    expect(copied.sourceId).not.toBe(story.sourceId);
  });

  describe('a copy on another site declaring the story’s canonical URL', () => {
    /** The story's record, and a copy's record stored by an older version with the story's canonical. */
    async function seeded() {
      const ctx = context();
      const story = await createAnnotation(ctx, { source: capture, selectors, kind: 'person' }, PAGE);
      const legacy = await putSource(ctx.db, makeSource({ url: COPY, canonicalUrl: STORY }));
      const copy = await putAnnotation(ctx.db, makeAnnotation(legacy.id));
      return { ctx, ids: { story: story.id, copy: copy.id } };
    }

    it.each<{ name: string; visited: string; declared: string | null; expected: ('story' | 'copy')[] }>([
      { name: 'the copy, declaring the story', visited: COPY, declared: STORY, expected: ['copy'] },
      { name: 'the copy, declaring nothing', visited: COPY, declared: null, expected: ['copy'] },
      { name: 'the story itself', visited: STORY, declared: STORY, expected: ['story'] },
      { name: 'the story, declaring nothing', visited: STORY, declared: null, expected: ['story'] },
      { name: 'the story’s visited page', visited: PAGE, declared: STORY, expected: ['story'] },
      { name: 'a third site declaring the copy', visited: 'https://third.example/', declared: COPY, expected: [] },
      { name: 'a github.io page declaring another', visited: 'https://eve.github.io/', declared: STORY, expected: [] },
    ])('$name sees $expected', async ({ visited, declared, expected }) => {
      const { ctx, ids } = await seeded();
      const shown = (await pageRecords(ctx, visited, declared)).annotations.map((a) => a.id);
      expect(shown).toEqual(expected.map((which) => ids[which]));
    });

    it('cannot change the story’s records, and the story cannot change the copy’s', async () => {
      const { ctx, ids } = await seeded();
      await expect(updateAnnotation(ctx, { id: ids.story, note: 'x' }, COPY)).rejects.toThrow(/another page/);
      await expect(removeAnnotation(ctx, ids.story, COPY)).rejects.toThrow(/another page/);
      await expect(recordAnchoring(ctx, [{ id: ids.story, state: 'orphaned' }], COPY)).rejects.toThrow(/another page/);
      await expect(updateAnnotation(ctx, { id: ids.copy, note: 'x' }, STORY)).rejects.toThrow(/another page/);
      // Each page may still change its own.
      await expect(updateAnnotation(ctx, { id: ids.copy, note: 'c' }, COPY)).resolves.toMatchObject({ note: 'c' });
      await expect(updateAnnotation(ctx, { id: ids.story, note: 's' }, STORY)).resolves.toMatchObject({ note: 's' });
    });
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

  it('writes anchoring only when the state changes, and never changes modified', async () => {
    const ctx = context();
    const made = await createAnnotation(ctx, { source: capture, selectors, kind: 'person' }, PAGE);
    expect(await recordAnchoring(ctx, [{ id: made.id, state: 'anchored' }], PAGE)).toBe(0);
    expect(await recordAnchoring(ctx, [{ id: made.id, state: 'orphaned' }], PAGE)).toBe(1);
    const [orphaned] = (await readAll(ctx.db)).annotations;
    expect(orphaned?.anchoring.state).toBe('orphaned');
    expect(orphaned?.anchoring.checkedAt).not.toBe(made.anchoring.checkedAt);
    expect(orphaned).toEqual({ ...made, anchoring: orphaned!.anchoring });
    expect(await recordAnchoring(ctx, [{ id: made.id, state: 'anchored' }], PAGE)).toBe(1);
    expect((await readAll(ctx.db)).annotations[0]?.modified).toBe(made.modified);
    expect(await recordAnchoring(ctx, [{ id: uuid(), state: 'orphaned' }], PAGE)).toBe(0);
  });
});

describe('requireSenderPage', () => {
  it.each<[string, MessageSenderInfo, string | null]>([
    ['a content script in a tab', { id: 'x', url: PAGE, tab: { id: 3 } }, PAGE],
    ['an extension page', { id: 'x', url: 'chrome-extension://x/sidepanel.html' }, null],
    ['a tab without an http(s) address', { id: 'x', url: 'file:///tmp/a.html', tab: { id: 3 } }, null],
    ['no address at all', { id: 'x', tab: { id: 3 } }, null],
  ])('%s', (_label, sender, expected) => {
    if (expected === null) expect(() => requireSenderPage(sender)).toThrow(/from a page in a tab/);
    else expect(requireSenderPage(sender)).toBe(expected);
  });
});

describe('a save sent twice (issue 13: the answer was lost when the service worker stopped)', () => {
  it('stores one highlight and answers the second send with it', async () => {
    const ctx = context();
    const id = uuid();
    const input = { id, source: capture, selectors, kind: 'person' };
    const first = await createAnnotation(ctx, input, PAGE);
    const second = await createAnnotation(ctx, input, PAGE);
    expect(second).toEqual(first);
    expect(first.id).toBe(id);
    expect((await readAll(ctx.db)).annotations).toHaveLength(1);
  });

  it('refuses an id that names another highlight', async () => {
    const ctx = context();
    const id = uuid();
    await createAnnotation(ctx, { id, source: capture, selectors, kind: 'person' }, PAGE);
    const other = [{ type: 'TextQuoteSelector' as const, exact: 'Ales Bialiatski' }];
    await expect(
      createAnnotation(ctx, { id, source: capture, selectors: other, kind: 'person' }, PAGE),
    ).rejects.toThrow(/already has this id/);
    expect((await readAll(ctx.db)).annotations).toHaveLength(1);
  });
});
