// Writes the JSON Schema generated from lib/schema into schema/. A unit test fails when the
// committed file differs from what the Zod schemas generate, so run this after changing them.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildJsonSchema, JSON_SCHEMA_PATH } from '../lib/schema/json-schema';

mkdirSync(dirname(JSON_SCHEMA_PATH), { recursive: true });
writeFileSync(JSON_SCHEMA_PATH, `${JSON.stringify(buildJsonSchema(), null, 2)}\n`);
console.log(`wrote ${JSON_SCHEMA_PATH}`);
