import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { JSON_SCHEMA_PATH } from '@/lib/schema/json-schema';

// Validates a value against the committed JSON Schema with ajv: what a colleague's tool would do
// with an exported file, independent of the Zod code that wrote it.

/** Reads the committed schema file. */
export function committedJsonSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(resolve(JSON_SCHEMA_PATH), 'utf8')) as Record<string, unknown>;
}

/** Returns null when `value` validates, else ajv's errors as text. */
export function validateAgainstCommittedSchema(value: unknown): string | null {
  const ajv = new Ajv2020({ allErrors: false, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(committedJsonSchema());
  return validate(value) ? null : ajv.errorsText(validate.errors);
}
