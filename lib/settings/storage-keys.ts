// Keys of extension storage, in a module of their own so the content script can watch one without
// bundling the schemas that validate what is stored under it.

/** Where the kinds vocabulary is stored; the content script repaints when it changes. */
export const KINDS_KEY = 'kinds';

/** Where the researcher's settings are stored; the content script reads the suggestions switch from it. */
export const SETTINGS_KEY = 'settings';

/**
 * Where (in `storage.session`) the background leaves `{ tabId, annotationId }` when the page's card
 * asks for the side panel: the panel reads it to show that highlight, and removes it once shown.
 */
export const PANEL_FOCUS_KEY = 'panel-focus';
