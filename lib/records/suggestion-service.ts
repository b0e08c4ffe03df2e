import type { RecordsDatabase } from '../db';
import { findLegalArticles } from '../facts/legal-articles';
import { buildNameMatcher, findPersonMentions, type NameMatcher } from '../matching/name-matcher';
import { MAX_SUGGESTIONS, type Suggestion } from '../messaging/protocol';
import { foldText } from '../names/fold';
import type { KeyValueArea } from '../page/tab-pages';
import type { LegalArticle } from '../schema/legal-article';
import { normalizeUrl } from '../source/normalize-url';

// The background's half of known-entity suggestions. The matcher is built once per registry change,
// not per page: each scan first reads a cheap signature of the persons table (count, newest change,
// first and last id) and rebuilds only when it differs. Dismissals are remembered per page (its
// normalised address) in extension storage, as "this person, these words".

/** Most dismissals kept for one page; the oldest go first. */
export const MAX_DISMISSED_PER_PAGE = 2_000;

/**
 * What the background answers for suggestions. `pageUrl` is the sender's tab address (never a value
 * of the message), so a page can neither read nor change another page's dismissals.
 */
export interface SuggestionService {
  scan(pageUrl: string, text: string): Promise<Suggestion[]>;
  dismiss(pageUrl: string, key: string): Promise<number>;
}

/** An article as a reader would say it: "Part 1 of Article 368, Criminal Code". */
export function articleLabel(article: LegalArticle): string {
  const part = article.part ? `Part ${article.part} of ` : '';
  return `${part}Article ${article.article}, ${article.code}`;
}

/** Changes whenever a person is added, removed or edited (editing sets `modified`). */
async function registrySignature(db: RecordsDatabase): Promise<string> {
  const [count, newest, first, last] = await Promise.all([
    db.persons.count(),
    db.persons.orderBy('modifiedKey').last(),
    db.persons.orderBy(':id').first(),
    db.persons.orderBy(':id').last(),
  ]);
  return [count, newest?.modifiedKey, newest?.id, first?.id, last?.id].join('|');
}

const dismissedKey = (url: string) => `suggestions-dismissed:${normalizeUrl(url) ?? url}`;

/** Creates the service over the records store and the storage area for dismissals. */
export function createSuggestionService(
  db: RecordsDatabase,
  area: KeyValueArea,
  enabled: () => Promise<boolean>,
): SuggestionService {
  let cache: { signature: string; matcher: NameMatcher; names: Map<string, string> } | null = null;

  async function current() {
    const signature = await registrySignature(db);
    if (cache?.signature !== signature) {
      const persons = await db.persons.toArray();
      cache = {
        signature,
        matcher: buildNameMatcher(persons),
        names: new Map(persons.map((p) => [p.id, p.name])),
      };
    }
    return cache;
  }

  async function dismissed(url: string): Promise<string[]> {
    const stored = (await area.get(dismissedKey(url)))[dismissedKey(url)];
    return Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : [];
  }

  return {
    async scan(url, text) {
      if (!(await enabled())) return [];
      const [{ matcher, names }, hidden] = await Promise.all([current(), dismissed(url)]);
      const skip = new Set(hidden);
      const quote = (start: number, end: number) => foldText(text.slice(start, end));
      const suggestions: Suggestion[] = [];
      for (const mention of findPersonMentions(matcher, text)) {
        const personId = mention.personIds[0]!;
        const key = `person:${personId}:${quote(mention.start, mention.end)}`;
        if (skip.has(key) || suggestions.length >= MAX_SUGGESTIONS) continue;
        const label = names.get(personId) ?? '';
        suggestions.push({ key, start: mention.start, end: mention.end, personId, label, article: null });
      }
      for (const { start, end, article } of findLegalArticles(text)) {
        if (suggestions.length >= MAX_SUGGESTIONS) break;
        const key = `article:${article.code}|${article.article}|${article.part ?? ''}:${quote(start, end)}`;
        if (skip.has(key)) continue;
        suggestions.push({ key, start, end, personId: null, label: articleLabel(article), article });
      }
      return suggestions.sort((a, b) => a.start - b.start);
    },
    async dismiss(url, key) {
      const list = (await dismissed(url)).filter((k) => k !== key);
      list.push(key);
      await area.set({ [dismissedKey(url)]: list.slice(-MAX_DISMISSED_PER_PAGE) });
      return list.length;
    },
  };
}
