import { type RecordsDatabase, readScope } from '../db';
import type { ExportScope } from '../schema/envelope';
import type { KindDefinition } from '../schema/kinds';
import { toCsv } from './csv';
import { EXPORT_FORMATS, exportFileName, type ExportFormat } from './file-name';
import { buildEnvelope, serializeEnvelope } from './native';
import { toW3cCollection } from './w3c';

// One entry point for every export the UI offers: read the scope, write the chosen format, name
// the file. The caller only has to hand the text to the browser as a download.

/** A finished export, ready to download. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  text: string;
  annotationCount: number;
}

/** What the caller knows that the database does not. */
export interface ExportRequest {
  scope: ExportScope;
  /** A human label of the scope for the file name (page host, person's name, case title). */
  scopeLabel: string | null;
  format: ExportFormat;
  exportedAt: string;
  generator: { name: string; version: string };
  creator: string | null;
  kinds: readonly KindDefinition[];
}

/** Reads the records in scope and writes them in the requested format. */
export async function exportRecords(db: RecordsDatabase, request: ExportRequest): Promise<ExportedFile> {
  const set = await readScope(db, request.scope);
  const header = { ...request, kinds: [...request.kinds] };
  const envelope = buildEnvelope(set, header);
  const text =
    request.format === 'native'
      ? serializeEnvelope(envelope)
      : request.format === 'w3c'
        ? // Compact like the native file (serializeEnvelope): indented, 100,000 annotations made 296 MiB.
          `${JSON.stringify(toW3cCollection(envelope, { ...header, kinds: envelope.kinds }))}\n`
        : toCsv(envelope);
  return {
    fileName: exportFileName(request.scope, request.scopeLabel, request.format, request.exportedAt),
    mimeType: EXPORT_FORMATS[request.format].mimeType,
    text,
    annotationCount: set.annotations.length,
  };
}
