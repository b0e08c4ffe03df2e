import type { ConflictReason, ImportReport } from '@/lib/db';

const REASONS: Record<ConflictReason, string> = {
  'stored-newer': 'yours is newer',
  'same-modified-different-content': 'changed at the same time as yours',
  'evidence-differs': 'its quote, position, source address, text hash, author or creation time differ from yours',
};

/** What an import changed: counts, then every conflict (the stored record was kept). */
export function ImportReportView({ report }: { report: ImportReport }) {
  return (
    <div role="status" aria-label="Import report">
      <p>
        Import finished: {report.added} added, {report.updated} updated, {report.skipped} unchanged,{' '}
        {report.conflicts.length} conflicts.
      </p>
      {report.conflicts.length > 0 && (
        <details>
          <summary>Conflicts (your stored version was kept)</summary>
          <ul>
            {report.conflicts.slice(0, 200).map((c) => (
              <li key={`${c.table}:${c.id}`}>
                {c.table} {c.id}: {REASONS[c.reason]}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
