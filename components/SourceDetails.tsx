import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { sourcesForUrl } from '@/lib/db';
import type { PageDescription } from '@/lib/messaging/protocol';
import { correctSource } from '@/lib/records/source-ops';
import type { Source } from '@/lib/schema/source';
import { useLiveQuery } from './hooks/use-live-query';
import { useWorkspace } from './hooks/workspace';
import { FormActions } from './FormActions';

const FIELDS = [
  { key: 'title', label: 'Title' },
  { key: 'siteName', label: 'Site' },
  { key: 'publishedTime', label: 'Published' },
  { key: 'canonicalUrl', label: 'Canonical URL' },
] as const;
type Key = (typeof FIELDS)[number]['key'];

/** The source as recorded with the page's highlights, and a form to correct it by hand. */
export function SourceDetails({ page }: { page: PageDescription }) {
  const { ctx } = useWorkspace();
  const source = useLiveQuery(
    async () => (await sourcesForUrl(ctx.db, page.url, page.canonicalUrl))[0] ?? null,
    [ctx.db, page.url, page.canonicalUrl],
  );
  const [editing, setEditing] = useState(false);
  if (source === undefined) return null;
  if (source === null) return <p class="muted">The source is recorded with the first highlight.</p>;
  return (
    <section aria-labelledby="source-heading">
      <h3 id="source-heading">Recorded source</h3>
      {editing ? (
        <SourceForm source={source} onDone={() => setEditing(false)} />
      ) : (
        <>
          <dl aria-label="Recorded source details">
            {FIELDS.map((f) => (
              <Fragment key={f.key}>
                <dt>{f.label}</dt>
                <dd>{source[f.key] || <span class="muted">not known</span>}</dd>
              </Fragment>
            ))}
          </dl>
          <button type="button" class="secondary" onClick={() => setEditing(true)}>
            Correct details
          </button>
        </>
      )}
    </section>
  );
}

function SourceForm({ source, onDone }: { source: Source; onDone: () => void }) {
  const { run } = useWorkspace();
  const [draft, setDraft] = useState<Record<Key, string>>({
    title: source.title,
    siteName: source.siteName ?? '',
    publishedTime: source.publishedTime ?? '',
    canonicalUrl: source.canonicalUrl ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const save = async (event: Event) => {
    event.preventDefault();
    let failure: string | null = null;
    const saved = await run(async (ctx) => {
      try {
        return await correctSource(ctx, source.id, draft);
      } catch (e) {
        failure = e instanceof Error ? e.message : String(e);
        throw e;
      }
    });
    setError(failure);
    if (saved !== null) onDone();
  };
  return (
    <form aria-label="Correct source details" onSubmit={(e) => void save(e)}>
      {FIELDS.map((f) => (
        <label key={f.key}>
          <span>{f.label}</span>
          <input
            type="text"
            value={draft[f.key]}
            placeholder={f.key === 'publishedTime' ? 'YYYY-MM-DD or 2024-02-02T12:47:42+03:00' : undefined}
            onInput={(e) => setDraft({ ...draft, [f.key]: (e.target as HTMLInputElement).value })}
          />
        </label>
      ))}
      <FormActions error={error} onCancel={onDone} />
    </form>
  );
}
