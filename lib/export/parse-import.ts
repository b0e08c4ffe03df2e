import { ExportEnvelope, RecordSet, SCHEMA_ID } from '../schema/envelope';
import { formatIssue } from '../schema/issues';
import { findBrokenLink } from '../schema/links';
import { firstFutureTime } from './future-times';
import { jsonShapeProblem } from './json-shape';
import { migrateToCurrent, MIGRATIONS, type Migration } from './migrations';
import { fromW3cCollection } from './w3c';
import type { KindDefinition } from '../schema/kinds';

// Everything an import must check before a single record is written: size, JSON syntax, which
// format and version, every field of every record, and every link. The first problem found is
// reported with its path; nothing partial ever reaches the database.

/**
 * The largest file an import accepts (in characters of text). A compact export of 100,000
 * annotations is about 76 Mi characters; a 100 MB file is refused before it is parsed.
 */
export const MAX_IMPORT_CHARS = 90 * 1024 * 1024;

/** Which of the importable formats the file was. */
export type ImportFormat = 'native' | 'w3c';

/** A file that passed every check, ready to merge. */
export interface ParsedImport {
  ok: true;
  format: ImportFormat;
  set: RecordSet;
  /** Who made the file and when, as the file says. */
  exportedAt: string | null;
  creator: string | null;
  /** The kinds vocabulary the file carries, so the highlights keep their names and colours. */
  kinds: KindDefinition[];
}

/** Why a file was refused, in words for the researcher. */
export interface RefusedImport {
  ok: false;
  message: string;
}

const refuse = (message: string): RefusedImport => ({ ok: false, message });
const megabytes = (size: number) => `${(size / 1024 / 1024).toFixed(1)} MB`;

/**
 * Why a file is too large to import before reading it, from its size in bytes: UTF-8 takes up to
 * 4 bytes a character, so only files past twice the character limit are refused unread (Cyrillic
 * text nears 2 bytes a character); parseImport checks the characters themselves.
 */
export function fileSizeProblem(bytes: number): string | null {
  return bytes > 2 * MAX_IMPORT_CHARS ? sizeProblem(bytes) : null;
}

/** Why a text of `size` characters is too large to import, or null when it is not. */
export function sizeProblem(size: number): string | null {
  return size > MAX_IMPORT_CHARS
    ? `The file is ${megabytes(size)}; the largest file that can be imported is ${megabytes(MAX_IMPORT_CHARS)}.`
    : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isW3c(value: Record<string, unknown>): boolean {
  const context = value['@context'];
  const contexts = Array.isArray(context) ? context : [context];
  return contexts.includes('http://www.w3.org/ns/anno.jsonld');
}

/**
 * Checks a whole file and returns its records, or the first reason to refuse it. With `now` (the
 * importing clock), record times more than a day after it are refused with their path.
 */
export function parseImport(
  text: string,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  now: string | null = null,
): ParsedImport | RefusedImport {
  if (text.length > MAX_IMPORT_CHARS) {
    return refuse(
      `The file is ${megabytes(text.length)}; the largest file that can be imported is ${megabytes(MAX_IMPORT_CHARS)}.`,
    );
  }
  const shape = jsonShapeProblem(text);
  if (shape) return refuse(`The file was not imported: ${shape}`);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return refuse(`This is not a JSON file: ${error instanceof Error ? error.message : String(error)}.`);
  }
  if (!isObject(json)) return refuse('This file is not a Source Annotator export: it is not a JSON object.');

  if (json.schema !== SCHEMA_ID) {
    if (!isW3c(json)) {
      return refuse(`This file is not a Source Annotator export: it does not name the schema ${SCHEMA_ID}.`);
    }
    const w3c = fromW3cCollection(json);
    if (!w3c.ok) return refuse(`The W3C annotation file cannot be imported: ${w3c.path}: ${w3c.message}.`);
    return checkRecords(
      'w3c',
      w3c.set,
      w3c.header.exportedAt ?? null,
      w3c.header.creator ?? null,
      w3c.header.kinds,
      now,
    );
  }

  const migrated = migrateToCurrent(json, migrations);
  if (!migrated.ok) return refuse(migrated.message);
  const parsed = ExportEnvelope.safeParse(migrated.file);
  if (!parsed.success) {
    return refuse(`The file was not imported because a record is invalid: ${formatIssue(parsed.error.issues[0]!)}.`);
  }
  const { sources, annotations, persons, cases } = parsed.data;
  const { exportedAt, creator, kinds } = parsed.data;
  return checkRecords('native', { sources, annotations, persons, cases }, exportedAt, creator, kinds, now);
}

function checkRecords(
  format: ImportFormat,
  set: RecordSet,
  exportedAt: string | null,
  creator: string | null,
  kinds: KindDefinition[],
  now: string | null,
): ParsedImport | RefusedImport {
  if (format === 'w3c') {
    // The W3C reader rebuilds records; they get the same validation as a native file.
    const parsed = RecordSet.safeParse(set);
    if (!parsed.success) {
      return refuse(`The file was not imported because a record is invalid: ${formatIssue(parsed.error.issues[0]!)}.`);
    }
  }
  const broken = findBrokenLink(set);
  if (broken) return refuse(`The file was not imported because a link is broken: ${broken.path}: ${broken.message}.`);
  const future = now === null ? null : firstFutureTime(set, now);
  if (future) {
    return refuse(
      `The file was not imported because a time is in the future: ${future.path} is ${future.value}, more than a day after now.`,
    );
  }
  return { ok: true, format, set, exportedAt, creator, kinds };
}
