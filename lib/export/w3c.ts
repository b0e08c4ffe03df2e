import type { Annotation } from '@/lib/schema/annotation';
import type { RecordSet } from '@/lib/schema/envelope';
import { BUILT_IN_KINDS } from '@/lib/schema/kinds';
import type { Selector } from '@/lib/schema/selectors';
import type { Source } from '@/lib/schema/source';
import { derivedUuid, isAbsoluteIri, uuidIri } from './w3c-id';
import { toUtcInstant } from './w3c-time';
import {
  ANNO_CONTEXT,
  LINK_TYPES,
  SA_CONTEXT,
  type Motivation,
  type W3cAgent,
  type W3cAnnotation,
  type W3cBody,
  type W3cCollection,
  type W3cHeader,
  type W3cLinkBody,
  type W3cPageResource,
  type W3cTarget,
  type W3cTextualBody,
} from './w3c-vocab';

// Records as a W3C Web Annotation collection, so tools that know the W3C model (Hypothesis-style
// clients, annotation servers, IIIF viewers) can read them. What the model has no place for travels
// in `sa:` members, which W3C readers ignore and `fromW3cCollection` reads back into the records.

/** The reader and the shapes, so callers import the W3C format from one place. */
export { fromW3cCollection, type W3cReadResult } from './w3c-read';
export type { W3cCollection, W3cHeader } from './w3c-vocab';

const BCP47 = /^(?:[A-Za-z]{2,3}|[A-Za-z]{5,8}|[xXiI])(?:-[A-Za-z0-9]{1,8})*$/;

/** The page's declared language as a BCP 47 tag, or undefined when it is not one (the W3C model asks for BCP 47). */
function languageTag(lang: string | null): string | undefined {
  const tag = lang?.replace(/_/g, '-'); // og:locale writes en_US
  return tag && BCP47.test(tag) ? tag : undefined;
}

function pageResource(source: Source): W3cPageResource {
  const resource: W3cPageResource = { id: source.canonicalUrl ?? source.url, type: 'Text' };
  const language = languageTag(source.lang);
  if (language) resource.language = language;
  if (source.canonicalUrl) {
    resource.canonical = source.canonicalUrl;
    if (source.url !== source.canonicalUrl) resource.via = source.url;
  }
  if (source.title) resource['dc:title'] = source.title;
  if (source.siteName) resource['dc:publisher'] = source.siteName;
  if (source.authors.length) resource['dc:creator'] = [...source.authors];
  if (source.publishedTime) resource['dcterms:issued'] = source.publishedTime;
  if (source.modifiedTime) resource['dcterms:modified'] = source.modifiedTime;
  return resource;
}

function selectorCopy(selector: Selector): Selector {
  if (selector.type === 'TextPositionSelector')
    return { type: selector.type, start: selector.start, end: selector.end };
  const copy: Selector = { type: selector.type, exact: selector.exact };
  if (selector.prefix !== undefined) copy.prefix = selector.prefix;
  if (selector.suffix !== undefined) copy.suffix = selector.suffix;
  return copy;
}

function textBody(purpose: Motivation, value: string): W3cTextualBody {
  return { type: 'TextualBody', purpose, value, format: 'text/plain' };
}

/** The one motivation the W3C model asks for: what the researcher did first and foremost. */
function motivationOf(a: Annotation): Motivation {
  if (a.personIds.length || a.caseIds.length) return 'identifying';
  if (a.note) return 'commenting';
  return 'classifying';
}

/** A link to a person or case record, labelled so W3C readers can show it without our records. */
function linkBody(id: string, type: W3cLinkBody['source']['type'], label: string | undefined): W3cLinkBody {
  return { type: 'SpecificResource', purpose: 'identifying', source: { id: uuidIri(id), type, label: label ?? id } };
}

interface Context {
  sources: Map<string, Source>;
  personNames: Map<string, string>;
  caseTitles: Map<string, string>;
  kindLabels: Map<string, string>;
  generator: W3cAgent;
}

function toW3cAnnotation(a: Annotation, ctx: Context): W3cAnnotation {
  const source = ctx.sources.get(a.sourceId);
  if (!source) throw new RangeError(`annotation ${a.id} points to no source in the set (${a.sourceId})`);
  const body: W3cBody[] = [textBody('classifying', ctx.kindLabels.get(a.kind) ?? a.kind)];
  for (const tag of a.tags) body.push(textBody('tagging', tag));
  if (a.note) body.push(textBody('commenting', a.note));
  for (const id of a.personIds) body.push(linkBody(id, LINK_TYPES.person, ctx.personNames.get(id)));
  for (const id of a.caseIds) body.push(linkBody(id, LINK_TYPES.case, ctx.caseTitles.get(id)));
  const created = toUtcInstant(a.created);
  const modified = toUtcInstant(a.modified);
  const target: W3cTarget = {
    type: 'SpecificResource',
    source: pageResource(source),
    // Positions go out as recorded; the W3C model counts them in Unicode code points.
    selector: a.selectors.map(selectorCopy),
    // The page as it stood when the words were taken; positions only hold for that version.
    state: { type: 'TimeState', sourceDate: created },
  };
  const out: W3cAnnotation = {
    id: uuidIri(a.id),
    type: 'Annotation',
    motivation: motivationOf(a),
    created,
    modified,
    generator: ctx.generator,
    body,
    target,
    'sa:sourceId': a.sourceId,
    'sa:kind': a.kind,
    'sa:anchoring': { state: a.anchoring.state, checkedAt: a.anchoring.checkedAt },
  };
  if (created !== a.created) out['sa:created'] = a.created;
  if (modified !== a.modified) out['sa:modified'] = a.modified;
  if (a.creator !== null) out.creator = { type: 'Person', name: a.creator };
  if (a.fact !== null) out['sa:fact'] = a.fact;
  return out;
}

/** The ids and stamps that make this export what it is, for a stable derived collection id. */
function* fingerprint(set: RecordSet, header: W3cHeader): Generator<string> {
  yield header.exportedAt;
  for (const s of set.sources) yield s.id;
  for (const a of set.annotations) yield `${a.id}@${a.modified}`;
  for (const p of set.persons) yield `${p.id}@${p.modified}`;
  for (const c of set.cases) yield `${c.id}@${c.modified}`;
}

/**
 * The records as one W3C AnnotationCollection with its annotations embedded in a single page.
 * Every annotation's source must be in `set.sources` (throws RangeError otherwise), as
 * `findBrokenLink` guarantees for any set that passed validation.
 */
export function toW3cCollection(set: RecordSet, header: W3cHeader): W3cCollection {
  if (header.id !== undefined && !isAbsoluteIri(header.id)) throw new RangeError(`not an absolute IRI: ${header.id}`);
  const id = header.id ?? uuidIri(derivedUuid(fingerprint(set, header)));
  const generator: W3cAgent = {
    type: 'Software',
    name: header.generator.name,
    'schema:softwareVersion': header.generator.version,
  };
  const kindLabels = new Map<string, string>(BUILT_IN_KINDS.map((k) => [k.id, k.label]));
  for (const k of header.kinds) kindLabels.set(k.id, k.label);
  const ctx: Context = {
    sources: new Map(set.sources.map((s) => [s.id, s])),
    personNames: new Map(set.persons.map((p) => [p.id, p.name])),
    caseTitles: new Map(set.cases.map((c) => [c.id, c.title])),
    kindLabels,
    generator,
  };
  const items = set.annotations.map((a) => toW3cAnnotation(a, ctx));
  const generated = toUtcInstant(header.exportedAt);
  const collection: W3cCollection = {
    '@context': [ANNO_CONTEXT, SA_CONTEXT],
    id,
    type: 'AnnotationCollection',
    label: `${header.generator.name} export, ${generated}`,
    total: items.length,
    generator,
    generated,
    'sa:kinds': header.kinds,
    'sa:sources': set.sources,
    'sa:persons': set.persons,
    'sa:cases': set.cases,
  };
  if (generated !== header.exportedAt) collection['sa:exportedAt'] = header.exportedAt;
  if (header.creator !== null) collection.creator = { type: 'Person', name: header.creator };
  // The W3C model requires a first page only when there is something in it, and a page must not be empty.
  if (items.length) {
    const pageId = uuidIri(derivedUuid(['page', id]));
    collection.first = { id: pageId, type: 'AnnotationPage', partOf: id, startIndex: 0, items };
    collection.last = pageId;
  }
  return collection;
}
