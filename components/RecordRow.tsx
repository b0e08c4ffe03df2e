import { type RecordDetails, publishedDay } from '@/lib/db';
import type { KindDefinition } from '@/lib/schema/kinds';
import { KindBadge } from './KindBadge';
import { quoteOf } from '@/lib/schema/quote-of';

/** One line of the "All records" list: kind, quote, page, date and what the highlight is linked to. */
export function RecordRow({
  details,
  kinds,
}: {
  details: RecordDetails | undefined;
  kinds: readonly KindDefinition[];
}) {
  if (!details) return <div class="record-row muted">Loading…</div>;
  const { annotation, source } = details;
  const date = (source && publishedDay(source)) ?? annotation.created.slice(0, 10);
  const links = [
    ...(details.persons.length ? [`Person: ${details.persons.map((p) => p.name).join(', ')}`] : []),
    ...(details.cases.length ? [`Case: ${details.cases.map((c) => c.title).join(', ')}`] : []),
  ];
  return (
    <div class="record-row">
      <div class="record-line">
        <KindBadge kinds={kinds} id={annotation.kind} />
        <span class="muted">
          {' · '}
          <time dateTime={date}>{date}</time>
          {source ? ` · ${source.site}` : ''}
        </span>
        {annotation.anchoring.state === 'orphaned' && <span class="badge"> · not found on the page</span>}
      </div>
      <q class="record-line record-quote">{quoteOf(details.annotation).replace(/\s+/g, ' ')}</q>
      <div class="record-line muted">{source ? source.title || source.url : 'Source missing'}</div>
      <div class="record-line muted">{links.length ? links.join(' · ') : 'Not linked to a person or case'}</div>
    </div>
  );
}
