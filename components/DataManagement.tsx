import { useEffect, useState } from 'preact/hooks';
import { requestPersistentStorage } from '@/lib/db';
import { exportAndDownload } from './export-download';
import { recordsDb } from './hooks/records-db';

type Persistence = 'granted' | 'not-granted' | 'denied' | 'unsupported' | 'checking';

const PERSISTENCE_TEXT: Record<Persistence, string> = {
  checking: 'Checking…',
  granted: 'Protected: the browser will not delete your records to free disk space.',
  'not-granted': 'Not protected: the browser may delete your records when disk space runs low.',
  denied: 'The browser refused protection for now; export regularly to keep a copy.',
  unsupported: 'This browser cannot protect stored records; export regularly to keep a copy.',
};

/** Bytes as a researcher reads them. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** Storage used and available, whether the browser keeps the records safe, and a full export. */
export function DataManagement({ storage = navigator.storage }: { storage?: StorageManager | undefined }) {
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null);
  const [persistence, setPersistence] = useState<Persistence>('checking');
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = () => {
    if (!storage?.estimate || !storage.persisted) return setPersistence('unsupported');
    void storage.estimate().then(setEstimate, () => setEstimate(null));
    void storage.persisted().then(
      (on) => setPersistence((p) => (on ? 'granted' : p === 'denied' ? 'denied' : 'not-granted')),
      () => setPersistence('unsupported'),
    );
  };
  useEffect(refresh, []);

  const protect = async () => {
    const result = await requestPersistentStorage(storage);
    setPersistence(result === 'granted' ? 'granted' : result);
  };
  const exportAll = async () => {
    setBusy(true);
    setStatus({ error: false, text: 'Preparing the export…' });
    try {
      const file = await exportAndDownload(recordsDb(), { scope: { kind: 'all' }, scopeLabel: null, format: 'native' });
      setStatus({
        error: false,
        text: `Exported ${file.annotationCount.toLocaleString('en')} annotations to ${file.fileName}.`,
      });
      refresh();
    } catch (error) {
      setStatus({ error: true, text: `The export failed: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <dl aria-label="Storage">
        <dt>Storage used</dt>
        <dd>
          {estimate?.usage === undefined
            ? 'Unknown'
            : `${formatBytes(estimate.usage)}${estimate.quota ? ` of ${formatBytes(estimate.quota)} available` : ''}`}
        </dd>
        <dt>Persistent storage</dt>
        <dd>{PERSISTENCE_TEXT[persistence]}</dd>
      </dl>
      <p class="inline-form">
        {persistence !== 'granted' && persistence !== 'unsupported' && (
          <button type="button" onClick={() => void protect()}>
            Protect my records
          </button>
        )}
        <button type="button" onClick={() => void exportAll()} disabled={busy}>
          Export everything
        </button>
      </p>
      {status && (
        <p role={status.error ? 'alert' : 'status'} class={status.error ? 'error' : 'muted'}>
          {status.text}
        </p>
      )}
    </>
  );
}
