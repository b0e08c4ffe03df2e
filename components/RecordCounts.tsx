import { countAnnotations } from '@/lib/db';
import { recordsDb } from './hooks/records-db';
import { useLiveQuery } from './hooks/use-live-query';

async function countAll() {
  const db = recordsDb();
  const [annotations, sources, persons, cases] = await Promise.all([
    countAnnotations(db),
    db.sources.count(),
    db.persons.count(),
    db.cases.count(),
  ]);
  return { annotations, sources, persons, cases };
}

/** How many records the researcher keeps, updated live as they change. */
export function RecordCounts() {
  const counts = useLiveQuery(countAll, []);
  if (!counts) return <p class="muted">Counting records…</p>;
  return (
    <dl aria-label="Record counts">
      <dt>Annotations</dt>
      <dd>{counts.annotations.toLocaleString('en')}</dd>
      <dt>Sources</dt>
      <dd>{counts.sources.toLocaleString('en')}</dd>
      <dt>Persons</dt>
      <dd>{counts.persons.toLocaleString('en')}</dd>
      <dt>Cases</dt>
      <dd>{counts.cases.toLocaleString('en')}</dd>
    </dl>
  );
}
