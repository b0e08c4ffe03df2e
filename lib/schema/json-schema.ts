import * as z from 'zod/mini';
import { Annotation, FactFields } from './annotation';
import { Case } from './case';
import { ExportEnvelope, ExportScope, SCHEMA_ID, SCHEMA_VERSION } from './envelope';
import { KindDefinition } from './kinds';
import { LegalArticle } from './legal-article';
import { Person } from './person';
import { Id, Instant } from './primitives';
import { TextPositionSelector, TextQuoteSelector } from './selectors';
import { Source } from './source';

// Named definitions make the generated schema readable and let docs/schema.md refer to them.
const NAMED: [z.ZodMiniType, string, string][] = [
  [Source, 'Source', 'The page as the researcher saw it.'],
  [Annotation, 'Annotation', 'One highlight and what it records.'],
  [FactFields, 'FactFields', 'Typed fields of a fact highlight.'],
  [Person, 'Person', 'A person the researcher tracks.'],
  [Case, 'Case', 'A case against one or more persons.'],
  [LegalArticle, 'LegalArticle', 'A provision of a legal code.'],
  [TextQuoteSelector, 'TextQuoteSelector', 'W3C TextQuoteSelector.'],
  [TextPositionSelector, 'TextPositionSelector', 'W3C TextPositionSelector.'],
  [KindDefinition, 'KindDefinition', 'An entry of the kinds vocabulary.'],
  [ExportScope, 'ExportScope', 'What part of the records the file holds.'],
  [Id, 'Id', 'A record id (UUID).'],
  [Instant, 'Instant', 'ISO 8601 date-time with Z or an offset.'],
];

/** Where the generated JSON Schema is committed, relative to the project root. */
export const JSON_SCHEMA_PATH = `schema/records-v${SCHEMA_VERSION}.schema.json`;

/**
 * The JSON Schema of the export file, generated from the Zod schemas so the two cannot drift.
 * Rules JSON Schema cannot express (unique ids, links between records) are checked on import and
 * described in docs/schema.md.
 */
export function buildJsonSchema(): Record<string, unknown> {
  const metadata = z.registry<{ id: string; description: string }>();
  for (const [schema, id, description] of NAMED) metadata.add(schema, { id, description });
  const generated = z.toJSONSchema(ExportEnvelope, { target: 'draft-2020-12', unrepresentable: 'throw', metadata });
  return {
    ...generated,
    $id: `${SCHEMA_ID}/v${SCHEMA_VERSION}`,
    title: `Source Annotator records, schema version ${SCHEMA_VERSION}`,
    description:
      'Annotations made on web pages, with their sources, and the persons and cases they are linked to. See docs/schema.md.',
  };
}
