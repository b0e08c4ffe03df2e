import * as z from 'zod/mini';
import { HttpUrl, Id, LIMITS, Slug } from '../schema/primitives';
import { Empty, message, shortText } from './protocol-core';

// The messages the content script receives, with the schemas it needs to check them. The content
// script bundles this table only: a message it merely sends is checked by its receiver, the
// background (see send-to-background.ts), so the record schemas stay out of every web page.

/** What the content script can tell about the page it runs in, without touching page scripts. */
export const PageDescription = z.strictObject({
  url: HttpUrl,
  title: shortText(2000),
  canonicalUrl: z.nullable(HttpUrl),
  lang: z.nullable(shortText(64)),
  textLength: z.int().check(z.nonnegative()),
});
export type PageDescription = z.infer<typeof PageDescription>;

/** A suggestion as the side panel lists it; `id` is its start offset in the page's scanned text. */
export const PageSuggestion = z.strictObject({
  id: z.int().check(z.nonnegative()),
  quote: shortText(1000),
  label: shortText(LIMITS.name),
  kind: z.enum(['person', 'fact']),
});
export type PageSuggestion = z.infer<typeof PageSuggestion>;

/** Longest page text sent for scanning (UTF-16 units); longer pages are scanned up to here. */
export const MAX_SCAN_TEXT = 4_000_000;
/**
 * Most suggestions one page gets. More is not reviewable, and validating the reply is the scan's
 * largest cost after the matching (about 15 ms per 1,000 in Chromium; the background does it before
 * replying); persons come before legal articles.
 */
export const MAX_SUGGESTIONS = 1_000;

/** The messages the content script handles, all from extension pages (the background included). */
export const contentProtocol = {
  /** Extension page to content script: describe the page you are running in. */
  'page/describe': message('extension-page', Empty, PageDescription),
  /**
   * Background (context menu, keyboard command) to content script: annotate the current selection.
   * From the context menu, `selectionText` is the browser's own `info.selectionText`: the page's
   * selection must still say the same, or nothing is saved. The command has none (null): then only a
   * selection the researcher made with their own gesture, unchanged since, is saved.
   */
  'selection/annotate': message(
    'extension-page',
    z.strictObject({ kind: Slug, selectionText: z.nullable(z.string().check(z.maxLength(1_000_000))) }),
    z.strictObject({ created: z.boolean() }),
  ),
  /** Side panel to content script: whether the page is in discreet mode and its highlights are shown on it. */
  'page/state': message('extension-page', Empty, z.strictObject({ discreet: z.boolean(), shown: z.boolean() })),
  /** Side panel to content script: in discreet mode, show this page's highlights and suggestions on it ("Show on this page"). */
  'page/show': message('extension-page', Empty, z.strictObject({ shown: z.boolean() })),
  // --- Workspace (side panel) to content script ---
  /** Side panel to content script: scroll the page to a highlight and flash it; false if it is not on the page. */
  'annotation/reveal': message('extension-page', z.strictObject({ id: Id }), z.strictObject({ found: z.boolean() })),
  /** Side panel to content script: this page's records changed elsewhere (linked, restored by undo): load them again. */
  'annotations/changed': message('extension-page', Empty, z.strictObject({ reloaded: z.boolean() })),
  /** Extension page to content script: the suggestions shown on the page now. */
  'suggestions/list': message(
    'extension-page',
    Empty,
    z.strictObject({ suggestions: z.array(PageSuggestion).check(z.maxLength(MAX_SUGGESTIONS)) }),
  ),
  /** Extension page to content script: accept or dismiss one suggestion of the list. */
  'suggestion/act': message(
    'extension-page',
    z.strictObject({
      id: z.int().check(z.nonnegative()),
      quote: shortText(1000),
      action: z.enum(['accept', 'dismiss']),
    }),
    z.strictObject({ done: z.boolean() }),
  ),
};
