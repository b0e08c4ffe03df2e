import { useId } from 'preact/hooks';
import type { FilterChoices, RecordFilter } from '@/lib/db';
import type { KindDefinition } from '@/lib/schema/kinds';

/** Props of RecordFilters. */
export interface RecordFiltersProps {
  filter: RecordFilter;
  onChange: (change: Partial<RecordFilter>) => void;
  kinds: readonly KindDefinition[];
  choices: FilterChoices | undefined;
  persons: readonly { id: string; name: string }[];
  cases: readonly { id: string; title: string }[];
}

function Choice(props: {
  label: string;
  value: string | null;
  options: readonly { value: string; text: string }[];
  onChange: (value: string | null) => void;
  /** The first option, meaning "not narrowed". */
  anyText?: string;
}) {
  const id = useId();
  return (
    <div class="filter">
      <label for={id}>{props.label}</label>
      <select id={id} value={props.value ?? ''} onChange={(e) => props.onChange(e.currentTarget.value || null)}>
        <option value="">{props.anyText ?? 'Any'}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}

function DayInput(props: { label: string; value: string | null; onChange: (value: string | null) => void }) {
  const id = useId();
  return (
    <div class="filter">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="date"
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.currentTarget.value || null)}
      />
    </div>
  );
}

/** The filters of the "All records" view: each narrows the list to the records having that value. */
export function RecordFilters({ filter, onChange, kinds, choices, persons, cases }: RecordFiltersProps) {
  // Kinds of the vocabulary first, then any kind found only in the records (e.g. imported).
  const kindOptions = [
    ...kinds.map((k) => ({ value: k.id, text: k.label })),
    ...(choices?.kinds ?? []).filter((id) => !kinds.some((k) => k.id === id)).map((id) => ({ value: id, text: id })),
  ];
  const plain = (list: readonly string[] | undefined) => (list ?? []).map((v) => ({ value: v, text: v }));
  const active = Boolean(
    filter.kind || filter.tag || filter.personId || filter.caseId || filter.site || filter.from || filter.to,
  );
  return (
    <fieldset class="filters">
      <legend>Filters</legend>
      <Choice label="Kind" value={filter.kind} options={kindOptions} onChange={(kind) => onChange({ kind })} />
      <Choice label="Tag" value={filter.tag} options={plain(choices?.tags)} onChange={(tag) => onChange({ tag })} />
      <Choice
        label="Person"
        value={filter.personId}
        options={persons.map((p) => ({ value: p.id, text: p.name }))}
        onChange={(personId) => onChange({ personId })}
      />
      <Choice
        label="Case"
        value={filter.caseId}
        options={cases.map((c) => ({ value: c.id, text: c.title }))}
        onChange={(caseId) => onChange({ caseId })}
      />
      <Choice
        label="Site"
        value={filter.site}
        options={plain(choices?.sites)}
        onChange={(site) => onChange({ site })}
      />
      <Choice
        label="Date of"
        anyText="Page published"
        value={filter.dateField === 'published' ? null : filter.dateField}
        options={[{ value: 'changed', text: 'Highlight changed' }]}
        onChange={(field) => onChange({ dateField: field === 'changed' ? 'changed' : 'published' })}
      />
      <DayInput label="From" value={filter.from} onChange={(from) => onChange({ from })} />
      <DayInput label="To" value={filter.to} onChange={(to) => onChange({ to })} />
      <button
        type="button"
        class="secondary"
        disabled={!active}
        onClick={() =>
          onChange({ kind: null, tag: null, personId: null, caseId: null, site: null, from: null, to: null })
        }
      >
        Clear filters
      </button>
    </fieldset>
  );
}
