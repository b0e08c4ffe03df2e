import { SCHEMA_VERSION } from '../schema/envelope';

// Files written by older versions of the schema are brought up to the current version one step at
// a time before validation. Each step is a named, tested function; none is ever removed.

/** Upgrades a parsed file from version `from` to `from + 1`. */
export type Migration = (file: Record<string, unknown>) => Record<string, unknown>;

/**
 * Steps keyed by the version they upgrade from. Version 1 is the first published schema, so the
 * table is empty; version 2 will add `1: migrateV1ToV2`.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** Result of bringing a file to the current version. */
export type MigrationResult = { ok: true; file: Record<string, unknown> } | { ok: false; message: string };

/** Applies every step from the file's version up to `target`; refuses versions it cannot reach. */
export function migrateToCurrent(
  file: Record<string, unknown>,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target: number = SCHEMA_VERSION,
): MigrationResult {
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: 'The file does not name a valid schema version.' };
  }
  if (version > target) {
    return {
      ok: false,
      message: `This file uses schema version ${version}, which is newer than this extension understands (version ${target}). Update the extension to import it.`,
    };
  }
  let current = file;
  for (let v = version; v < target; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, message: `No migration from schema version ${v} to ${v + 1}.` };
    current = { ...step(current), version: v + 1 };
  }
  return { ok: true, file: current };
}
