import type { Mention } from '@/lib/records/mentions';
import { mentionDate } from '@/lib/records/mentions';
import { MentionBody } from './MentionBody';

/** A date for reading: the day of an instant, or a partial date as it is. */
const shortDate = (value: string) => value.slice(0, 10);

/** Highlights seen from a person or case: the words, the page, the site, the date, and a link to the spot. */
export function MentionList({ mentions, label }: { mentions: readonly Mention[]; label: string }) {
  if (!mentions.length) return <p class="muted">No highlights linked yet.</p>;
  return (
    <ul class="records mentions" aria-label={label}>
      {mentions.map((m) => (
        <li key={m.annotation.id}>
          <MentionBody mention={m} after={shortDate(mentionDate(m))} />
        </li>
      ))}
    </ul>
  );
}
