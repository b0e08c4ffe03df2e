import * as z from 'zod/mini';
import { LIMITS, Slug, text } from './primitives';

// What a highlight is about. The built-in kinds are fixed ids; researchers can add their own,
// which travel in exports so a colleague sees the same vocabulary.

/** The kinds every installation knows, in toolbar order. */
export const BUILT_IN_KINDS = [
  { id: 'person', label: 'Person', color: '#f9a8d4' },
  { id: 'case', label: 'Case', color: '#fcd34d' },
  { id: 'fact', label: 'Fact', color: '#86efac' },
  { id: 'organization', label: 'Organization', color: '#93c5fd' },
  { id: 'place', label: 'Place', color: '#c4b5fd' },
  { id: 'date', label: 'Date', color: '#fdba74' },
  { id: 'legal-article', label: 'Legal article', color: '#5eead4' },
  { id: 'other', label: 'Other', color: '#d1d5db' },
] as const;

/** One entry of the kinds vocabulary. */
export const KindDefinition = z.strictObject({
  id: Slug,
  label: text(LIMITS.label, 1),
  /** Highlight colour as #rrggbb. */
  color: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb')),
});
export type KindDefinition = z.infer<typeof KindDefinition>;
