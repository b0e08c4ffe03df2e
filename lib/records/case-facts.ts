import type { Case } from '../schema/case';
import type { LegalArticle } from '../schema/legal-article';
import { mentionDate, type Mention } from './mentions';

// A case is told by many sources, and they do not always agree: one report says two years, another
// eighteen months. The case view shows each value with the sources that give it, side by side, and
// offers what the facts say that the case does not record yet; it never picks one for the researcher.

/** One value of a field and the sources (page titles) that state it. */
export interface SourcedValue {
  value: string;
  sources: string[];
}

/** A field on which the case's facts (or the case and its facts) disagree. */
export interface FieldConflict {
  field: string;
  values: SourcedValue[];
}

/** How a legal article reads in lists: "Part 1 of Article 368 (Criminal Code)". */
export function formatArticle(a: LegalArticle): string {
  return `${a.part ? `Part ${a.part} of ` : ''}Article ${a.article} (${a.code})`;
}

const sourceName = (m: Mention) => m.source?.siteName || m.source?.title || m.source?.url || 'unknown source';

/** The case's facts in time order: the fact's own date, else its page's date. */
export function caseTimeline(mentions: readonly Mention[]): Mention[] {
  return mentions
    .filter((m) => m.annotation.fact !== null)
    .map((m, i) => ({ m, i, at: mentionDate(m) }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.i - b.i))
    .map(({ m }) => m);
}

function group(entries: readonly { field: string; value: string; source: string }[]): FieldConflict[] {
  const fields = new Map<string, Map<string, Set<string>>>();
  for (const { field, value, source } of entries) {
    const values = fields.get(field) ?? new Map<string, Set<string>>();
    values.set(value, (values.get(value) ?? new Set()).add(source));
    fields.set(field, values);
  }
  return [...fields]
    .filter(([, values]) => values.size > 1)
    .map(([field, values]) => ({ field, values: [...values].map(([value, s]) => ({ value, sources: [...s] })) }));
}

/**
 * Fields where the sources disagree: the date of each kind of event, the term, the place, and the
 * sentence recorded on the case against the terms its facts state.
 */
export function caseConflicts(kase: Case, mentions: readonly Mention[]): FieldConflict[] {
  const entries: { field: string; value: string; source: string }[] = [];
  for (const m of mentions) {
    const fact = m.annotation.fact;
    if (!fact) continue;
    const source = sourceName(m);
    if (fact.date && fact.eventType) entries.push({ field: `${fact.eventType} date`, value: fact.date, source });
    if (fact.term) entries.push({ field: 'sentence', value: fact.term.text, source });
    if (fact.place && fact.eventType) entries.push({ field: `${fact.eventType} place`, value: fact.place, source });
  }
  if (kase.sentence && entries.some((e) => e.field === 'sentence')) {
    entries.push({ field: 'sentence', value: kase.sentence, source: 'this case' });
  }
  return group(entries);
}

/** What the case's highlights state that the case does not record yet: articles, sentences, persons. */
export function caseProposals(
  kase: Case,
  mentions: readonly Mention[],
): { articles: LegalArticle[]; sentences: string[]; personIds: string[] } {
  const articles: LegalArticle[] = [];
  const sentences: string[] = [];
  const personIds = [
    ...new Set(mentions.flatMap((m) => m.annotation.personIds).filter((id) => !kase.personIds.includes(id))),
  ];
  const known = (a: LegalArticle) =>
    [...kase.legalArticles, ...articles].some((b) => b.code === a.code && b.article === a.article && b.part === a.part);
  for (const m of mentions) {
    const fact = m.annotation.fact;
    if (fact?.legalArticle && !known(fact.legalArticle)) articles.push(fact.legalArticle);
    if (fact?.term && fact.term.text !== kase.sentence && !sentences.includes(fact.term.text))
      sentences.push(fact.term.text);
  }
  return { articles, sentences, personIds };
}
