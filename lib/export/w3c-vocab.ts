import type { Annotation, FactFields } from '@/lib/schema/annotation';
import type { Case } from '@/lib/schema/case';
import type { KindDefinition } from '@/lib/schema/kinds';
import type { Person } from '@/lib/schema/person';
import type { Selector } from '@/lib/schema/selectors';
import type { Source } from '@/lib/schema/source';

// The shape of the W3C Web Annotation export (https://www.w3.org/TR/annotation-model/), shared by
// the writer and the reader so the two cannot disagree on a name.

/** The W3C context; every reader of Web Annotations recognises the format by it. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Our namespace for what the W3C model cannot carry; W3C readers that do not know it ignore it. */
export const SA_NAMESPACE = 'https://source-annotator.org/ns#';

// A JSON-LD processor drops object fields it has no terms for, so the record copies are declared
// JSON literals (`@json`): they survive expansion and compaction byte for byte.
const JSON_LITERAL = { '@type': '@json' } as const;

/** Our additions to the context: the `sa:` prefix, Dublin Core for page metadata, the JSON literals. */
export const SA_CONTEXT = {
  sa: SA_NAMESPACE,
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  'sa:kinds': JSON_LITERAL,
  'sa:sources': JSON_LITERAL,
  'sa:persons': JSON_LITERAL,
  'sa:cases': JSON_LITERAL,
  'sa:fact': JSON_LITERAL,
  'sa:anchoring': JSON_LITERAL,
} as const;

/** The Motivation instances the W3C model defines; motivations and purposes are drawn from these only. */
export const W3C_MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
] as const;
export type Motivation = (typeof W3C_MOTIVATIONS)[number];

/** Types given to linked records so a reader can tell a person from a case without a lookup. */
export const LINK_TYPES = { person: 'sa:Person', case: 'sa:Case' } as const;

/** A W3C Agent: the researcher (Person) or the extension (Software). */
export interface W3cAgent {
  type: 'Person' | 'Software';
  name: string;
  'schema:softwareVersion'?: string;
}

/** An embedded text body: the kind, a tag or the note. */
export interface W3cTextualBody {
  type: 'TextualBody';
  purpose: Motivation;
  value: string;
  format: 'text/plain';
}

/** A body naming a person or case record, as the W3C model wraps a resource given a purpose. */
export interface W3cLinkBody {
  type: 'SpecificResource';
  purpose: 'identifying';
  source: { id: string; type: (typeof LINK_TYPES)[keyof typeof LINK_TYPES]; label: string };
}

/** Any body this export writes. */
export type W3cBody = W3cTextualBody | W3cLinkBody;

/** The annotated page as a W3C External Web Resource, with what Dublin Core can say about it. */
export interface W3cPageResource {
  id: string;
  type: 'Text';
  language?: string;
  canonical?: string;
  via?: string;
  'dc:title'?: string;
  'dc:publisher'?: string;
  'dc:creator'?: string[];
  'dcterms:issued'?: string;
  'dcterms:modified'?: string;
}

/** The words on the page: the page, the selectors, and when the page was read. */
export interface W3cTarget {
  type: 'SpecificResource';
  source: W3cPageResource;
  selector: Selector[];
  state: { type: 'TimeState'; sourceDate: string };
}

/** One W3C Annotation; `sa:` members carry what makes it one of our records again. */
export interface W3cAnnotation {
  id: string;
  type: 'Annotation';
  motivation: Motivation;
  created: string;
  modified: string;
  /** The instant as recorded, when the W3C form (UTC with "Z") had to rewrite it. */
  'sa:created'?: string;
  'sa:modified'?: string;
  creator?: W3cAgent;
  generator: W3cAgent;
  body: W3cBody[];
  target: W3cTarget;
  'sa:sourceId': string;
  'sa:kind': string;
  'sa:fact'?: FactFields;
  'sa:anchoring': Annotation['anchoring'];
}

/** The single, embedded page of the collection. */
export interface W3cPage {
  id: string;
  type: 'AnnotationPage';
  partOf: string;
  startIndex: 0;
  items: W3cAnnotation[];
}

/** The whole export: a W3C AnnotationCollection that also carries the full records. */
export interface W3cCollection {
  '@context': [typeof ANNO_CONTEXT, typeof SA_CONTEXT];
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  creator?: W3cAgent;
  generator: W3cAgent;
  generated: string;
  'sa:exportedAt'?: string;
  first?: W3cPage;
  last?: string;
  'sa:kinds': KindDefinition[];
  'sa:sources': Source[];
  'sa:persons': Person[];
  'sa:cases': Case[];
}

/** What the export says about itself, as in the JSON envelope; `id` is the collection's IRI. */
export interface W3cHeader {
  /** An absolute IRI for the collection; derived from the contents when not given. */
  id?: string;
  exportedAt: string;
  generator: { name: string; version: string };
  creator: string | null;
  kinds: KindDefinition[];
}
