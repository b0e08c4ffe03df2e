// Keys of extension storage, in a module of their own so the content script can watch one without
// bundling the schemas that validate what is stored under it.

/** Where the kinds vocabulary is stored; the content script repaints when it changes. */
export const KINDS_KEY = 'kinds';

/** Where the researcher's settings are stored; the content script reads the suggestions switch from it. */
export const SETTINGS_KEY = 'settings';
