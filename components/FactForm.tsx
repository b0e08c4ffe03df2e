import { useMemo, useState } from 'preact/hooks';
import { parseFact } from '@/lib/facts/parse-fact';
import { formatIssue } from '@/lib/schema/issues';
import { saveFactFields } from '@/lib/records/annotation-links';
import { EVENT_TYPES, FactFields, type Annotation } from '@/lib/schema/annotation';
import { quoteOf } from '@/lib/schema/quote-of';
import { useWorkspace } from './hooks/workspace';
import { FormActions } from './FormActions';

type Draft = Record<
  'eventType' | 'date' | 'place' | 'code' | 'article' | 'part' | 'termText' | 'years' | 'months' | 'days',
  string
>;

/** The form's text fields from stored fields, with what the quote says filling the gaps. */
function draftOf(stored: FactFields | null, parsed: FactFields): Draft {
  const pick = <K extends keyof FactFields>(key: K) => stored?.[key] ?? parsed[key];
  const article = pick('legalArticle');
  const term = pick('term');
  return {
    eventType: pick('eventType') ?? '',
    date: pick('date') ?? '',
    place: pick('place') ?? '',
    code: article?.code ?? '',
    article: article?.article ?? '',
    part: article?.part ?? '',
    termText: term?.text ?? '',
    years: term ? String(term.years) : '',
    months: term ? String(term.months) : '',
    days: term ? String(term.days) : '',
  };
}

const orNull = (s: string) => s.trim() || null;
const count = (s: string) => (s.trim() ? Number(s) : 0);

function fieldsOf(d: Draft): unknown {
  return {
    eventType: orNull(d.eventType),
    date: orNull(d.date),
    place: orNull(d.place),
    legalArticle: d.article.trim()
      ? { code: d.code.trim() || 'Criminal Code', article: d.article.trim(), part: orNull(d.part) }
      : null,
    term: d.termText.trim()
      ? { text: d.termText.trim(), years: count(d.years), months: count(d.months), days: count(d.days) }
      : null,
  };
}

/**
 * The typed fields of a fact highlight. Empty fields are prefilled with what the quote states; nothing
 * is saved until the researcher confirms with "Save details".
 */
export function FactForm({
  annotation,
  year,
  onDone,
}: {
  annotation: Annotation;
  year: number | null;
  onDone: () => void;
}) {
  const { run } = useWorkspace();
  const parsed = useMemo(() => parseFact(quoteOf(annotation), year), [annotation, year]);
  const [draft, setDraft] = useState(() => draftOf(annotation.fact, parsed));
  const [error, setError] = useState<string | null>(null);
  const field = (key: keyof Draft, label: string, hint?: string, narrow = false) => (
    <label class={narrow ? 'narrow' : undefined}>
      <span>{label}</span>
      <input
        type="text"
        value={draft[key]}
        placeholder={hint}
        onInput={(e) => setDraft({ ...draft, [key]: (e.target as HTMLInputElement).value })}
      />
    </label>
  );
  const save = async (event: Event) => {
    event.preventDefault();
    const checked = FactFields.safeParse(fieldsOf(draft));
    if (!checked.success) return setError(formatIssue(checked.error.issues[0]!));
    setError(null);
    if ((await run((ctx) => saveFactFields(ctx, annotation.id, checked.data))) !== null) onDone();
  };
  return (
    <form class="fact-form" aria-label="Fact details" onSubmit={(e) => void save(e)}>
      <p class="muted">Filled in from the quote where it says so. Check each field, then save.</p>
      <label>
        <span>Event</span>
        <select
          value={draft.eventType}
          onChange={(e) => setDraft({ ...draft, eventType: (e.target as HTMLSelectElement).value })}
        >
          <option value="">(unknown)</option>
          {EVENT_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      {field('date', 'Date', 'YYYY-MM-DD, YYYY-MM or YYYY')}
      {field('place', 'Place')}
      <fieldset>
        <legend>Legal article</legend>
        <div class="row">
          {field('code', 'Code', 'Criminal Code')}
          {field('article', 'Article', undefined, true)}
          {field('part', 'Part', undefined, true)}
        </div>
      </fieldset>
      <fieldset>
        <legend>Term</legend>
        {field('termText', 'Term as stated')}
        <div class="row">
          {field('years', 'Years', undefined, true)}
          {field('months', 'Months', undefined, true)}
          {field('days', 'Days', undefined, true)}
        </div>
      </fieldset>
      <FormActions error={error} onCancel={onDone} />
    </form>
  );
}
