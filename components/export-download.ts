import { browser } from 'wxt/browser';
import type { RecordsDatabase } from '@/lib/db';
import { exportRecords, type ExportedFile } from '@/lib/export/export-records';
import type { ExportFormat } from '@/lib/export/file-name';
import { currentGenerator } from '@/lib/export/generator';
import type { ExportScope } from '@/lib/schema/envelope';
import { loadKinds } from '@/lib/settings/kinds-vocabulary';
import { loadSettings } from '@/lib/settings/settings';

// Every export button (side panel, options page) goes through here, so every file carries the
// researcher's name and their kinds vocabulary the same way.

/** Hands text to the browser as a file download. */
export function downloadText(fileName: string, mimeType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Exports the records in scope with the researcher's settings and downloads the file. */
export async function exportAndDownload(
  db: RecordsDatabase,
  request: { scope: ExportScope; scopeLabel: string | null; format: ExportFormat },
): Promise<ExportedFile> {
  const [settings, kinds] = await Promise.all([loadSettings(browser.storage.local), loadKinds(browser.storage.local)]);
  const file = await exportRecords(db, {
    ...request,
    exportedAt: new Date().toISOString(),
    generator: currentGenerator(),
    creator: settings.researcherName || null,
    kinds,
  });
  downloadText(file.fileName, file.mimeType, file.text);
  return file;
}
