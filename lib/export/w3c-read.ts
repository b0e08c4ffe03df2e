import * as z from 'zod/mini';
import { Anchoring, Annotation, FactFields } from '@/lib/schema/annotation';
import { Case } from '@/lib/schema/case';
import type { RecordSet } from '@/lib/schema/envelope';
import { formatIssue, formatPath } from '@/lib/schema/issues';
import { KindDefinition } from '@/lib/schema/kinds';
import { findBrokenLink } from '@/lib/schema/links';
import { Person } from '@/lib/schema/person';
import { Id, Instant, LIMITS, Slug, text } from '@/lib/schema/primitives';
import { Selector, Selectors } from '@/lib/schema/selectors';
import { Source } from '@/lib/schema/source';
import { isAbsoluteIri, uuidFromIri } from './w3c-id';
import { ANNO_CONTEXT, LINK_TYPES, type W3cHeader } from './w3c-vocab';

// Reads a W3C collection written by `toW3cCollection` back into records. The records come from
// the `sa:` members and from the W3C members that hold them (ids, times, selectors, tags, note,
// links); anything another tool added is ignored. Errors name the JSON path of the first problem.

/** The records and header of a collection, or the first problem with its JSON path. */
export type W3cReadResult =
  { ok: true; set: RecordSet; header: W3cHeader & { id: string } } | { ok: false; path: string; message: string };

class ReadError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

function join(base: string, keys: readonly PropertyKey[]): string {
  let out = base;
  for (const key of keys) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}

function parseAt<T>(schema: z.ZodMiniType<T>, value: unknown, path: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new ReadError(path, 'invalid value');
  // formatIssue gives "path: message"; the path is rebuilt here relative to the whole file.
  throw new ReadError(join(path, issue.path), formatIssue(issue).slice(formatPath(issue.path).length + 2));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON-LD compaction writes a one-item list as the item, so every list is read as "one or many". */
function entries(value: unknown, path: string): [unknown, string][] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value.map((v, i) => [v, `${path}[${i}]`]) : [[value, path]];
}

const strings = (value: unknown): string[] =>
  entries(value, '')
    .map(([v]) => v)
    .filter((v): v is string => typeof v === 'string');

const typed = (name: string) =>
  z.unknown().check(z.refine((v) => strings(v).includes(name), `must include the type "${name}"`));

const UuidIri = z.pipe(
  z.string().check(z.refine((v) => Id.safeParse(uuidFromIri(v)).success, 'not a urn:uuid: IRI')),
  z.transform((v) => uuidFromIri(v) ?? v),
);

const CollectionShape = z.object({
  '@context': z.unknown().check(z.refine((v) => strings(v).includes(ANNO_CONTEXT), `must include "${ANNO_CONTEXT}"`)),
  id: z.string().check(z.refine(isAbsoluteIri, 'not an absolute IRI')),
  type: typed('AnnotationCollection'),
  total: z.optional(z.int().check(z.nonnegative())),
  generator: z.object({ name: text(LIMITS.label, 1), 'schema:softwareVersion': text(40, 1) }),
  generated: Instant,
  'sa:exportedAt': z.optional(Instant),
  creator: z.optional(z.object({ name: text(LIMITS.name, 1) })),
  first: z.optional(z.unknown()),
  'sa:kinds': z.array(KindDefinition),
  'sa:sources': z.array(Source),
  'sa:persons': z.array(Person),
  'sa:cases': z.array(Case),
});

const PageShape = z.object({
  type: typed('AnnotationPage'),
  items: z.array(z.unknown()),
  next: z.optional(z.unknown()),
});

const AnnotationShape = z.object({
  id: UuidIri,
  type: typed('Annotation'),
  created: Instant,
  modified: Instant,
  'sa:created': z.optional(Instant),
  'sa:modified': z.optional(Instant),
  creator: z.optional(z.object({ name: text(LIMITS.name, 1) })),
  target: z.optional(z.unknown()),
  body: z.optional(z.unknown()),
  'sa:sourceId': Id,
  'sa:kind': Slug,
  'sa:fact': z.optional(FactFields),
  'sa:anchoring': Anchoring,
});

const KNOWN_SELECTORS = new Set(['TextQuoteSelector', 'TextPositionSelector']);

function readSelectors(target: unknown, path: string): Selector[] {
  const targets = entries(target, path);
  const [first, ...rest] = targets;
  if (!first || rest.length) throw new ReadError(path, 'expected exactly one target');
  const [value, targetPath] = first;
  if (!isRecord(value)) throw new ReadError(targetPath, 'expected a SpecificResource with selectors');
  const selectors: Selector[] = [];
  for (const [s, p] of entries(value.selector, `${targetPath}.selector`)) {
    if (isRecord(s) && typeof s.type === 'string' && KNOWN_SELECTORS.has(s.type))
      selectors.push(parseAt(Selector, s, p));
  }
  return parseAt(Selectors, selectors, `${targetPath}.selector`);
}

interface BodyContent {
  tags: string[];
  note: string;
  personIds: string[];
  caseIds: string[];
}

function readBodies(body: unknown, path: string): BodyContent {
  const out: BodyContent = { tags: [], note: '', personIds: [], caseIds: [] };
  let noteAt: string | null = null;
  for (const [b, p] of entries(body, path)) {
    if (!isRecord(b)) continue; // a bare IRI body is not one this export writes
    const types = strings(b.type);
    const purposes = strings(b.purpose);
    if (types.includes('TextualBody')) {
      // The kind is read from sa:kind; its body only shows the label to W3C readers.
      if (purposes.includes('classifying')) continue;
      const value = parseAt(z.string(), b.value, `${p}.value`);
      if (purposes.includes('tagging')) out.tags.push(value);
      else if (purposes.includes('commenting')) {
        if (noteAt !== null) throw new ReadError(p, `a second note; the first is at ${noteAt}`);
        noteAt = p;
        out.note = value;
      }
    } else if (types.includes('SpecificResource') && purposes.includes('identifying')) {
      const source = isRecord(b.source) ? b.source : { id: b.source };
      const linkTypes = strings(source.type);
      const list = linkTypes.includes(LINK_TYPES.person)
        ? out.personIds
        : linkTypes.includes(LINK_TYPES.case)
          ? out.caseIds
          : null;
      if (list) list.push(parseAt(UuidIri, source.id, `${p}.source.id`));
    }
  }
  return out;
}

function readAnnotation(item: unknown, path: string): Annotation {
  const raw = parseAt(AnnotationShape, item, path);
  const candidate: Annotation = {
    id: raw.id,
    sourceId: raw['sa:sourceId'],
    selectors: readSelectors(raw.target, `${path}.target`),
    kind: raw['sa:kind'],
    ...readBodies(raw.body, `${path}.body`),
    fact: raw['sa:fact'] ?? null,
    creator: raw.creator?.name ?? null,
    created: raw['sa:created'] ?? raw.created,
    modified: raw['sa:modified'] ?? raw.modified,
    anchoring: raw['sa:anchoring'],
  };
  // Rules that span fields (unique tags, unique links) are checked on the assembled record.
  const result = Annotation.safeParse(candidate);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ReadError(path, issue ? formatIssue(issue) : 'invalid annotation');
}

function readItems(first: unknown): unknown[] {
  if (first === undefined) return [];
  if (typeof first === 'string') throw new ReadError('first', 'the annotations must be embedded, not given by IRI');
  const page = parseAt(PageShape, first, 'first');
  if (page.next !== undefined) throw new ReadError('first.next', 'only a collection with a single page can be read');
  return page.items;
}

/** Where a broken link of the record set sits in the W3C file. */
function w3cLinkPath(path: string, message: string): ReadError {
  const m = /^(sources|annotations|persons|cases)\[(\d+)\]\.?(.*)$/.exec(path);
  if (!m) return new ReadError(path, message);
  const [, list, index, rest] = m;
  if (list === 'annotations') return new ReadError(`first.items[${index}]`, `${rest}: ${message}`);
  return new ReadError(`sa:${list}[${index}]${rest ? `.${rest}` : ''}`, message);
}

function read(json: unknown): { set: RecordSet; header: W3cHeader & { id: string } } {
  if (!isRecord(json)) throw new ReadError('(top level)', 'expected a JSON object');
  if (!('sa:sources' in json)) throw new ReadError('sa:sources', 'missing: not a Source Annotator export');
  const root = parseAt(CollectionShape, json, '');
  const items = readItems(root.first);
  if (root.total !== undefined && root.total !== items.length) {
    throw new ReadError('total', `says ${root.total} but the collection holds ${items.length} annotations`);
  }
  const set: RecordSet = {
    sources: root['sa:sources'],
    annotations: items.map((item, i) => readAnnotation(item, `first.items[${i}]`)),
    persons: root['sa:persons'],
    cases: root['sa:cases'],
  };
  const broken = findBrokenLink(set);
  if (broken) throw w3cLinkPath(broken.path, broken.message);
  const header = {
    id: root.id,
    exportedAt: root['sa:exportedAt'] ?? root.generated,
    generator: { name: root.generator.name, version: root.generator['schema:softwareVersion'] },
    creator: root.creator?.name ?? null,
    kinds: root['sa:kinds'],
  };
  return { set, header };
}

/** Reads a collection written by `toW3cCollection` back into the exact records and header. */
export function fromW3cCollection(json: unknown): W3cReadResult {
  try {
    return { ok: true, ...read(json) };
  } catch (error) {
    if (error instanceof ReadError) return { ok: false, path: error.path || '(top level)', message: error.message };
    throw error;
  }
}
