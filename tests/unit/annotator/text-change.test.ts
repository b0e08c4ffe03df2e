// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPageSuggestions, type SuggestionApi } from '@/lib/annotator/page-suggestions';
import { changedSpan, rescanNeeded } from '@/lib/annotator/text-change';
import type { Suggestion } from '@/lib/messaging/protocol';
import { fakeOverlay } from '../../support/fake-overlay';

// happy-dom has no layout: every word counts as visible here (text-rects is tested in Chromium).
vi.mock('@/lib/annotator/text-rects', () => ({ rangeIsVisible: () => true, textRects: () => [] }));

const ARTICLE = 'Zinaida Mikhniuk was released on 29 January.';

describe('rescanNeeded', () => {
  const rows: { name: string; before: string; after: string; expected: boolean }[] = [
    { name: 'same text', before: ARTICLE, after: ARTICLE, expected: false },
    {
      name: 'a paragraph appended',
      before: ARTICLE,
      after: `${ARTICLE} Later, Zinaida Mikhnyuk spoke.`,
      expected: true,
    },
    {
      name: 'a paragraph inserted in the middle',
      before: 'Intro. Outro.',
      after: 'Intro. Z. Mikhniuk. Outro.',
      expected: true,
    },
    { name: 'a view counter ticks', before: `${ARTICLE} 1299 views`, after: `${ARTICLE} 1300 views`, expected: false },
    { name: 'a clock ticks', before: `9:59:59 ${ARTICLE}`, after: `10:00:00 ${ARTICLE}`, expected: false },
    { name: 'text only removed', before: `${ARTICLE} Advertisement`, after: ARTICLE, expected: false },
    { name: 'two letters added', before: ARTICLE, after: `${ARTICLE} ok`, expected: false },
    { name: 'three letters added', before: ARTICLE, after: `${ARTICLE} Ann`, expected: true },
    { name: 'a Cyrillic name added', before: ARTICLE, after: `${ARTICLE} Зінаіда Міхнюк`, expected: true },
    { name: 'nothing scanned yet', before: '', after: ARTICLE, expected: true },
  ];
  it.each(rows)('$name: $expected', ({ before, after, expected }) => {
    expect(rescanNeeded(before, after)).toBe(expected);
  });

  it.each([
    { before: 'abc', after: 'abXc', expected: 'X' },
    { before: 'aaa', after: 'aaaa', expected: 'a' },
    { before: 'abc', after: 'ab', expected: '' },
    { before: '', after: 'new', expected: 'new' },
  ])('changedSpan($before, $after) is "$expected"', ({ before, after, expected }) => {
    expect(changedSpan(before, after)).toBe(expected);
  });
});

describe('suggestions follow late text', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  function setUp() {
    vi.useFakeTimers();
    document.body.replaceChildren();
    const p = document.createElement('p');
    p.textContent = ARTICLE;
    document.body.append(p);
    const texts: string[] = [];
    const dismissals: string[] = [];
    const switched = { on: true };
    const api: SuggestionApi = {
      enabled: () => Promise.resolve(switched.on),
      scan: (text) => {
        texts.push(text);
        const at = text.lastIndexOf('Zinaida Mikhnyuk');
        const found: Suggestion[] =
          at < 0
            ? []
            : [
                {
                  start: at,
                  end: at + 16,
                  key: 'p1',
                  personId: 'p1',
                  label: 'Zinaida Mikhniuk',
                  article: null,
                } as Suggestion,
              ];
        return Promise.resolve(found);
      },
      accept: () => Promise.reject(new Error('not in this test')),
      dismiss: (key) => (dismissals.push(key), Promise.resolve()),
      changed: () => undefined,
    };
    const layer = document.createElement('div');
    const suggestions = createPageSuggestions(
      document,
      layer,
      fakeOverlay(),
      api,
      () => Promise.reject(new Error('unused')),
      {
        highlighted: () => [],
        adopt: () => undefined,
      },
      { setTimeout: (handler, ms) => window.setTimeout(handler, ms) },
    );
    return { suggestions, texts, dismissals, layer, switched };
  }

  it('scans once after a burst of changes, not for a ticking counter, and again for a late paragraph', async () => {
    const { suggestions, texts } = setUp();
    await suggestions.refresh();
    expect(texts).toHaveLength(1);

    // A counter ticks many times: quiet for long enough, but no letters were added.
    const counter = document.createElement('span');
    document.body.append(counter);
    for (let i = 0; i < 5; i++) {
      counter.textContent = String(1000 + i);
      suggestions.textChanged();
      await vi.advanceTimersByTimeAsync(300);
    }
    await vi.advanceTimersByTimeAsync(10_000);
    expect(texts).toHaveLength(1);

    // A late paragraph arrives in pieces: one scan, once the page is quiet.
    const late = document.createElement('p');
    document.body.append(late);
    for (const piece of ['Later, ', 'Zinaida Mikhnyuk ', 'spoke to reporters.']) {
      late.append(piece);
      suggestions.textChanged();
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(texts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain('Later, Zinaida Mikhnyuk spoke to reporters.');
    expect(suggestions.list()).toMatchObject([{ quote: 'Zinaida Mikhnyuk', kind: 'person' }]);

    // The paragraph is removed again: its suggestion goes, without a scan.
    late.remove();
    suggestions.textChanged();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(texts).toHaveLength(2);
    expect(suggestions.list()).toEqual([]);
  });

  it('reads and sends nothing while suggestions are switched off, and clears what was shown', async () => {
    const { suggestions, texts, switched } = setUp();
    document.body.firstElementChild!.textContent = 'Zinaida Mikhnyuk wrote from the colony.';
    await suggestions.refresh();
    expect(suggestions.list()).toHaveLength(1);
    switched.on = false;
    await suggestions.refresh();
    expect(texts).toHaveLength(1);
    expect(suggestions.list()).toEqual([]);
    const late = document.createElement('p');
    late.textContent = 'Later, Zinaida Mikhnyuk spoke to reporters.';
    document.body.append(late);
    suggestions.textChanged();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(texts).toHaveLength(1);
    switched.on = true;
    await suggestions.refresh();
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain('Later, Zinaida Mikhnyuk spoke to reporters.');
    expect(suggestions.list()).toMatchObject([{ quote: 'Zinaida Mikhnyuk' }]);
  });

  it('scans a page that is never quiet at most every few seconds, and only when it gained words', async () => {
    const { suggestions, texts } = setUp();
    await suggestions.refresh();
    const feed = document.createElement('p');
    document.body.append(feed);
    for (let i = 0; i < 40; i++) {
      feed.append(`item ${i} `);
      suggestions.textChanged();
      await vi.advanceTimersByTimeAsync(500);
    }
    // 20 s of changes every 0.5 s: the quiet timer never fires, the longest wait does.
    expect(texts.length).toBeGreaterThanOrEqual(3);
    expect(texts.length).toBeLessThanOrEqual(5);
  });

  it('keeps an open prompt through a rescan while its words stay, and a dismissal stays dismissed', async () => {
    const { suggestions, texts, dismissals, layer } = setUp();
    document.body.firstElementChild!.textContent = 'Zinaida Mikhnyuk wrote from the colony.';
    // happy-dom lays nothing out: give every range one box, so a click at (10, 10) hits the suggestion.
    const box = { left: 0, right: 100, top: 0, bottom: 20, width: 100, height: 20, x: 0, y: 0 } as DOMRect;
    vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([box] as unknown as DOMRectList);
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue(box);
    await suggestions.refresh();
    expect(suggestions.click(10, 10)).toBe(true);
    const prompt = layer.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(prompt.hidden).toBe(false);

    // Text arrives above the mention: the scan's offsets move, the open prompt stays and still works.
    const top = document.createElement('p');
    top.textContent = 'Breaking: more letters arrived this morning.';
    document.body.prepend(top);
    suggestions.textChanged();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(texts).toHaveLength(2);
    expect(prompt.hidden).toBe(false);
    expect(suggestions.list()).toMatchObject([{ id: texts[1]!.indexOf('Zinaida'), quote: 'Zinaida Mikhnyuk' }]);
    [...prompt.querySelectorAll('button')].find((b) => b.textContent === 'Dismiss')!.click();
    await vi.advanceTimersByTimeAsync(0);
    expect(dismissals).toEqual(['p1']);
    expect(prompt.hidden).toBe(true);
    expect(suggestions.list()).toEqual([]);

    // A scan answered without the dismissal (this fake background forgets it) still shows nothing.
    top.append(' And more.');
    suggestions.textChanged();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(texts).toHaveLength(3);
    expect(suggestions.list()).toEqual([]);
  });

  it('closes an open prompt when a rescan finds its words gone', async () => {
    const { suggestions, texts, layer } = setUp();
    const late = document.createElement('p');
    late.textContent = 'Zinaida Mikhnyuk wrote from the colony.';
    document.body.append(late);
    const box = { left: 0, right: 100, top: 0, bottom: 20, width: 100, height: 20, x: 0, y: 0 } as DOMRect;
    vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([box] as unknown as DOMRectList);
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue(box);
    await suggestions.refresh();
    expect(suggestions.click(10, 10)).toBe(true);
    const prompt = layer.querySelector<HTMLElement>('[role="dialog"]')!;
    late.replaceChildren("The letter was withdrawn at the family's request.");
    suggestions.textChanged();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(texts).toHaveLength(2);
    expect(prompt.hidden).toBe(true);
    expect(suggestions.list()).toEqual([]);
  });
});
