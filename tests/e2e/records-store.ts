import type { ExtensionSession } from './harness';

// The records the extension has stored, read from its own IndexedDB by its service worker (the
// extension's origin), so a test counts what was saved whatever any page or panel shows.

/** A stored highlight, reduced to what the tests check. */
export interface StoredHighlight {
  id: string;
  sourceId: string;
  kind: string;
  quote: string;
  note: string;
}

/** A stored source, reduced to its addresses. */
export interface StoredSource {
  id: string;
  url: string;
  canonicalUrl: string | null;
}

/** Every highlight and source in the extension's database. */
export async function storedRecords(
  session: ExtensionSession,
): Promise<{ highlights: StoredHighlight[]; sources: StoredSource[] }> {
  return session.serviceWorker.evaluate(
    () =>
      new Promise<{ highlights: StoredHighlight[]; sources: StoredSource[] }>((done, fail) => {
        const open = indexedDB.open('source-annotator');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['annotationBlocks', 'sources'], 'readonly');
          const blocks = tx.objectStore('annotationBlocks').getAll();
          const sources = tx.objectStore('sources').getAll();
          tx.onerror = () => (db.close(), fail(tx.error));
          tx.oncomplete = () => {
            db.close();
            type Row = {
              id: string;
              sourceId: string;
              kind: string;
              note: string;
              selectors: { type: string; exact?: string }[];
            };
            done({
              highlights: (blocks.result as { annotations: Row[] }[])
                .flatMap((block) => block.annotations)
                .map((a) => ({
                  id: a.id,
                  sourceId: a.sourceId,
                  kind: a.kind,
                  note: a.note,
                  quote: a.selectors.find((s) => s.type === 'TextQuoteSelector')?.exact ?? '',
                })),
              sources: (sources.result as StoredSource[]).map((s) => ({
                id: s.id,
                url: s.url,
                canonicalUrl: s.canonicalUrl,
              })),
            });
          };
        };
      }),
  );
}

/** The quotes of every stored highlight. */
export async function storedQuotes(session: ExtensionSession): Promise<string[]> {
  return (await storedRecords(session)).highlights.map((h) => h.quote);
}
