import type { RecordsDatabase } from '../db/database';
import { casesByTitle, personsByName } from '../db/queries';
import type { LinkTarget, RecordMatch } from '../messaging/protocol';
import type { Annotation } from '../schema/annotation';
import { annotationOnPage, type ServiceContext } from './annotation-service';
import { setAnnotationLink } from './annotation-links';
import { createCase } from './case-ops';
import { matchNames } from './name-match';
import { createPerson } from './person-ops';

// Linking from the highlight card on the page. The content script only names the highlight and the
// person or case; the background checks the highlight is on the sender's page and does the edit.

/** Enough for every person or case a researcher keeps. */
const CANDIDATE_LIMIT = 100_000;
/** Suggestions the card shows. */
const CARD_SUGGESTIONS = 6;

/** Persons or cases whose names match `query` in any spelling or script, best first. */
export async function matchRecords(db: RecordsDatabase, target: LinkTarget, query: string): Promise<RecordMatch[]> {
  const records =
    target === 'person'
      ? (await personsByName(db, CANDIDATE_LIMIT)).map((p) => ({ id: p.id, names: [p.name, ...p.aliases] }))
      : (await casesByTitle(db, CANDIDATE_LIMIT)).map((c) => ({ id: c.id, names: [c.title] }));
  const names = new Map(records.map((r) => [r.id, r.names[0]!]));
  return matchNames(query, records, CARD_SUGGESTIONS).map((m) => ({
    id: m.id,
    name: names.get(m.id)!,
    matched: m.matched,
  }));
}

/** What the card asks for: link to an existing record (`targetId`), to a new one (`create`), or unlink (`on` false). */
export interface PageLink {
  id: string;
  target: LinkTarget;
  targetId: string | null;
  create: string | null;
  on: boolean;
}

/** Links or unlinks a highlight of the page at `pageUrl`; refuses highlights of other pages. */
export async function linkFromPage(ctx: ServiceContext, link: PageLink, pageUrl: string): Promise<Annotation> {
  await annotationOnPage(ctx, link.id, pageUrl);
  const field = link.target === 'person' ? 'personIds' : 'caseIds';
  if (link.create !== null && link.on) {
    if (link.target === 'person') await createPerson(ctx, { name: link.create }, link.id);
    else await createCase(ctx, { title: link.create }, link.id);
  } else if (link.targetId !== null) {
    await setAnnotationLink(ctx, link.id, field, link.targetId, link.on);
  } else {
    throw new Error('Name a person or case to link.');
  }
  return annotationOnPage(ctx, link.id, pageUrl);
}
