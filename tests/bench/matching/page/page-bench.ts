import { indexText, rangeFromOffsets } from '@/lib/anchoring/dom-text';
import { findLegalArticles } from '@/lib/facts/legal-articles';
import { buildNameMatcher, findPersonMentions } from '@/lib/matching/name-matcher';
import * as z from 'zod/mini';
import { MAX_SUGGESTIONS, Reply, type Suggestion } from '@/lib/messaging/protocol';
import { syntheticPage, syntheticRegistry } from '../synthetic';

// The page-side steps of a suggestion scan, in Chromium, on a 1 MB page: what the content script
// does on the page's main thread (read the text and serialise the request; check the reply's
// envelope, turn offsets into ranges and paint them), timed as the two tasks they run in. Since the
// protocol split the content script no longer validates what it sends or the reply's data (the
// background does both; see lib/messaging/send-to-background.ts), so neither is timed here. The
// background's scan is timed here too, for reference: in the extension it runs in the service worker.

const TARGET_TASK_MS = 50;

function time<T>(work: () => T): [T, number] {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
}

async function run() {
  const registry = syntheticRegistry(10_000);
  const text = syntheticPage(registry, 1_000_000);
  const main = document.getElementById('page')!;
  // Paragraphs of about 1,000 characters, as an article's text nodes are.
  for (let at = 0; at < text.length; at += 1_000) {
    const p = document.createElement('p');
    p.textContent = text.slice(at, at + 1_000);
    main.append(p);
  }
  await new Promise((r) => setTimeout(r, 100));

  const [index, readMs] = time(() => indexText(document.body));
  const [, sendMs] = time(() => JSON.stringify({ type: 'suggestions/scan', payload: { text: index.text } }));
  const [matcher, buildMs] = time(() => buildNameMatcher(registry));
  const [suggestions, scanMs] = time(() => {
    const found: Suggestion[] = findPersonMentions(matcher, index.text).map((m) => ({
      key: `person:${m.personIds[0]}`,
      start: m.start,
      end: m.end,
      personId: null,
      label: 'x',
      article: null,
    }));
    for (const a of findLegalArticles(index.text)) {
      found.push({ key: 'article', start: a.start, end: a.end, personId: null, label: 'x', article: a.article });
    }
    return found;
  });
  const wire = JSON.stringify({ ok: true, data: { suggestions: suggestions.slice(0, MAX_SUGGESTIONS) } });
  const [reply, replyMs] = time(() => Reply(z.unknown()).parse(JSON.parse(wire)));
  if (!reply.ok) throw new Error('bad reply');
  const { suggestions: received } = reply.data as { suggestions: Suggestion[] };
  const [ranges, rangesMs] = time(() => received.map((s) => rangeFromOffsets(index, s.start, s.end)));
  const [, highlightMs] = time(() => CSS.highlights.set('sa-suggestion', new Highlight(...ranges)));
  const paintMs = replyMs + rangesMs + highlightMs;
  const before = readMs + sendMs;
  const rows: { case: string; ms: number; target: boolean; also?: number[] }[] = [
    { case: 'page task 1: read the text (indexText) + serialise the request', ms: before, target: true },
    { case: 'page task 2: read the reply, ranges from offsets, paint', ms: paintMs, target: true },
    { case: 'of task 1: indexText alone', ms: readMs, target: false },
    {
      case: 'of task 2: reply envelope / ranges / highlight',
      ms: replyMs,
      target: false,
      also: [rangesMs, highlightMs],
    },
    { case: 'background (reference): build the matcher, 10,000 persons × 4 names', ms: buildMs, target: false },
    { case: 'background (reference): scan persons and legal articles', ms: scanMs, target: false },
  ];
  return {
    ok: true,
    text: index.text.length,
    nodes: index.nodes.length,
    suggestions: Math.min(suggestions.length, MAX_SUGGESTIONS),
    found: suggestions.length,
    rows: rows.map((r) => ({
      case: r.case,
      figure: [r.ms, ...(r.also ?? [])].map((ms) => `${ms.toFixed(1)} ms`).join(' / '),
      target: r.target ? `≤ ${TARGET_TASK_MS} ms` : '',
      pass: r.target ? r.ms <= TARGET_TASK_MS : null,
    })),
  };
}

run().then(
  (results) => ((globalThis as Record<string, unknown>).__suggestionsBench = results),
  (error: unknown) =>
    ((globalThis as Record<string, unknown>).__suggestionsBench = { ok: false, error: String(error) }),
);
