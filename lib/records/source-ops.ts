import { getSource, putSource } from '../db';
import type { Source } from '../schema/source';
import { recordEdit, type Edit, type RecordsContext } from './edit';

// A page's declared metadata is sometimes wrong or missing (no date, the site's name as the title);
// the researcher corrects it by hand. putSource validates every field, so a bad date or address is
// refused with the field named, and the edit is undoable like any other.

/** The metadata a researcher may correct; the visited address and the text fingerprint are evidence and stay. */
export type SourceCorrection = Partial<Pick<Source, 'title' | 'siteName' | 'publishedTime' | 'canonicalUrl'>>;

/** Applies a correction; empty optional fields become null. */
export async function correctSource(ctx: RecordsContext, id: string, change: SourceCorrection): Promise<Edit<Source>> {
  const current = await getSource(ctx.db, id);
  if (!current) throw new Error('That page’s record no longer exists.');
  const optional = <K extends 'siteName' | 'publishedTime' | 'canonicalUrl'>(key: K) =>
    change[key] === undefined ? current[key] : change[key]?.trim() || null;
  const next: Source = {
    ...current,
    title: change.title === undefined ? current.title : change.title.trim(),
    siteName: optional('siteName'),
    publishedTime: optional('publishedTime'),
    canonicalUrl: optional('canonicalUrl'),
  };
  return recordEdit(ctx, { sources: [id] }, `Corrected the details of “${next.title || next.url}”.`, () =>
    putSource(ctx.db, next),
  );
}
