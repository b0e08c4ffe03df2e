import type { Mention } from '@/lib/records/mentions';

/**
 * What every list of mentions shows of one: the words, the page and its site (and whatever the list
 * adds after them, such as a date), and a link that opens the page at the spot.
 */
export function MentionBody({ mention: m, after }: { mention: Mention; after?: string }) {
  return (
    <>
      <q>{m.quote}</q>
      <div class="muted">
        {m.source ? m.source.title || m.source.url : 'source missing'}
        {m.source?.siteName && ` · ${m.source.siteName}`}
        {after && ` · ${after}`}
      </div>
      {m.link && (
        <a href={m.link} target="_blank" rel="noopener noreferrer">
          Open at the highlight
        </a>
      )}
    </>
  );
}
