import { useRef, useState } from 'preact/hooks';
import { casesByTitle, personsByName, type ImportReport } from '@/lib/db';
import { EXPORT_FORMATS, type ExportFormat } from '@/lib/export/file-name';
import { importRecords, type ImportStage } from '@/lib/export/import-records';
import { fileSizeProblem } from '@/lib/export/parse-import';
import type { ExportScope } from '@/lib/schema/envelope';
import { ImportReportView } from './ImportReportView';
import { exportAndDownload } from './export-download';
import { recordsDb } from './hooks/records-db';
import { useLiveQuery } from './hooks/use-live-query';
import { browser } from 'wxt/browser';
import type { KindDefinition } from '@/lib/schema/kinds';
import { adoptKinds, loadKinds, saveKinds } from '@/lib/settings/kinds-vocabulary';

type ScopeKind = 'all' | 'page' | 'person' | 'case';
/** Most persons or cases the scope list offers; the Persons and Cases views reach the rest. */
const SCOPE_CHOICES = 2_000;

/** The persons or cases a person or case scope can name, as id and label. */
async function scopeChoices(kind: ScopeKind): Promise<{ id: string; label: string }[]> {
  if (kind === 'person')
    return (await personsByName(recordsDb(), SCOPE_CHOICES)).map((p) => ({ id: p.id, label: p.name }));
  if (kind === 'case')
    return (await casesByTitle(recordsDb(), SCOPE_CHOICES)).map((c) => ({ id: c.id, label: c.title }));
  return [];
}

/** Adds the file's kinds its highlights use to the vocabulary; says what was added, or why not. */
async function adoptFileKinds(imported: { kinds: KindDefinition[]; usedKinds: Set<string> }): Promise<string | null> {
  try {
    const area = browser.storage.local;
    const { kinds, added } = adoptKinds(await loadKinds(area), imported.kinds, imported.usedKinds);
    if (!added.length) return null;
    await saveKinds(area, kinds);
    return `Kinds added from the file: ${added.map((k) => k.label).join(', ')}.`;
  } catch (error) {
    return `The records were imported, but the file's kinds were not added: ${String(error)}`;
  }
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'exported'; text: string }
  | { kind: 'imported'; report: ImportReport; kindsNote: string | null }
  | { kind: 'error'; text: string };

const STAGE_TEXT: Record<ImportStage, string> = {
  validating: 'Checking every record in the file…',
  writing: 'Writing the records…',
};

/** Export (with a format and scope choice) and import of records, with progress and a report. */
export function RecordsTransfer({ pageUrl }: { pageUrl: string | null }) {
  const [format, setFormat] = useState<ExportFormat>('native');
  const [scopeKind, setScopeKind] = useState<ScopeKind>('all');
  const [scopeId, setScopeId] = useState('');
  const choices = useLiveQuery(() => scopeChoices(scopeKind), [scopeKind]);
  const chosen = choices?.find((c) => c.id === scopeId) ?? choices?.[0] ?? null;
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);
  const busy = status.kind === 'busy';

  const runExport = async () => {
    setStatus({ kind: 'busy', text: 'Preparing the export…' });
    try {
      const scope: ExportScope =
        scopeKind === 'page' && pageUrl
          ? { kind: 'page', url: pageUrl }
          : scopeKind === 'person' && chosen
            ? { kind: 'person', personId: chosen.id }
            : scopeKind === 'case' && chosen
              ? { kind: 'case', caseId: chosen.id }
              : { kind: 'all' };
      const file = await exportAndDownload(recordsDb(), {
        scope,
        scopeLabel:
          scope.kind === 'page' ? new URL(scope.url).host : scope.kind === 'all' ? null : (chosen?.label ?? null),
        format,
      });
      setStatus({ kind: 'exported', text: `Exported ${file.annotationCount} annotations to ${file.fileName}.` });
    } catch (error) {
      setStatus({
        kind: 'error',
        text: `The export failed: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };

  const runImport = async (file: File | undefined) => {
    if (!file) return;
    const tooLarge = fileSizeProblem(file.size);
    if (tooLarge) {
      setStatus({ kind: 'error', text: `${tooLarge} Nothing was changed.` });
      return;
    }
    setStatus({ kind: 'busy', text: `Reading ${file.name}…` });
    const text = await file.text();
    const outcome = await importRecords(
      recordsDb(),
      text,
      () => new Date().toISOString(),
      (stage) => setStatus({ kind: 'busy', text: STAGE_TEXT[stage] }),
    );
    if (!outcome.ok) return setStatus({ kind: 'error', text: `${outcome.message} Nothing was changed.` });
    setStatus({ kind: 'imported', report: outcome.report, kindsNote: await adoptFileKinds(outcome) });
  };

  return (
    <div>
      <p>
        <label>
          Format{' '}
          <select value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)} disabled={busy}>
            {Object.entries(EXPORT_FORMATS).map(([id, f]) => (
              <option key={id} value={id}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
      </p>
      <p>
        <label>
          Scope{' '}
          <select value={scopeKind} onChange={(e) => setScopeKind(e.currentTarget.value as ScopeKind)} disabled={busy}>
            <option value="all">All records</option>
            <option value="page" disabled={!pageUrl}>
              This page
            </option>
            <option value="person">A person</option>
            <option value="case">A case</option>
          </select>
        </label>
      </p>
      {(scopeKind === 'person' || scopeKind === 'case') && (
        <p>
          <label>
            {scopeKind === 'person' ? 'Person' : 'Case'}{' '}
            <select value={chosen?.id ?? ''} onChange={(e) => setScopeId(e.currentTarget.value)} disabled={busy}>
              {choices?.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
        </p>
      )}
      <p>
        <button
          type="button"
          onClick={() => void runExport()}
          disabled={busy || ((scopeKind === 'person' || scopeKind === 'case') && !chosen)}
        >
          Export
        </button>{' '}
        <button type="button" onClick={() => fileInput.current?.click()} disabled={busy}>
          Import
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          hidden
          onChange={(e) => {
            const input = e.currentTarget;
            void runImport(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
      </p>
      {status.kind === 'busy' && (
        <p role="status">
          <progress aria-label="Working" /> {status.text}
        </p>
      )}
      {status.kind === 'exported' && <p role="status">{status.text}</p>}
      {status.kind === 'imported' && <ImportReportView report={status.report} />}
      {status.kind === 'imported' && status.kindsNote && <p role="note">{status.kindsNote}</p>}
      {status.kind === 'error' && (
        <p role="alert" class="error">
          {status.text}
        </p>
      )}
    </div>
  );
}
