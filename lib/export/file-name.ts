import type { ExportScope } from '../schema/envelope';

// Downloaded files are named after what they hold and when, so a folder of exports stays legible:
// `source-annotator-person-zinaida-mikhniuk-2026-11-22.json`.

/** The formats an export can be written in, with their file extension and media type. */
export const EXPORT_FORMATS = {
  native: { label: 'Shared schema (JSON)', extension: 'json', mimeType: 'application/json' },
  w3c: { label: 'W3C Web Annotation (JSON-LD)', extension: 'jsonld', mimeType: 'application/ld+json' },
  csv: { label: 'Spreadsheet (CSV)', extension: 'csv', mimeType: 'text/csv;charset=utf-8' },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** A file-system-safe slug of any script; falls back to "untitled". */
export function slugify(text: string, max = 40): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return slug || 'untitled';
}

/** The download name for an export of `scope` (with its label, e.g. a person's name) on `exportedAt`. */
export function exportFileName(
  scope: ExportScope,
  label: string | null,
  format: ExportFormat,
  exportedAt: string,
): string {
  const what = scope.kind === 'all' ? 'all' : `${scope.kind}-${slugify(label ?? '')}`;
  return `source-annotator-${what}-${exportedAt.slice(0, 10)}.${EXPORT_FORMATS[format].extension}`;
}
