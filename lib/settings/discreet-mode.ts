import type { Settings } from './settings';

// Discreet mode (issue 11): on the sites the researcher lists, or everywhere, the content script adds
// nothing to a page until the researcher acts on it, so a regime's site cannot tell that its visitor
// runs a human-rights tool. The background decides from the settings and the sender's address; the
// options page turns the researcher's list (typed or pasted, one per line) into host names.

// A host name as the URL parser leaves it: lowercase letters, digits and hyphens in dot-separated
// labels of at most 63 characters (internationalised names arrive as punycode, IPv4 as digits).
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST_NAME = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})*$`);
const IPV6 = /^\[[0-9a-f:.]+\]$/;

/**
 * One entry of the site list as a host name: lowercase, punycode, without a trailing dot, a leading
 * `*.`, a scheme, port or path (so a pasted URL works). Null when it is not a host name.
 */
export function siteHost(entry: string): string | null {
  const text = entry.trim();
  if (!text || /\s/.test(text)) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.replace(/^\*\./, '').replace(/\.$/, '');
  return HOST_NAME.test(host) || IPV6.test(host) ? host : null;
}

/**
 * True when the page at `url` is in discreet mode: everywhere is switched on, or its host is a listed
 * site or a subdomain of one. An address that cannot be read counts as discreet: adding nothing to a
 * page is the safe mistake.
 */
export function isDiscreet(settings: Pick<Settings, 'discreetEverywhere' | 'discreetSites'>, url: string): boolean {
  if (settings.discreetEverywhere) return true;
  let host: string;
  try {
    host = new URL(url).hostname.replace(/\.$/, '');
  } catch {
    return true;
  }
  if (!host) return true;
  return settings.discreetSites.some((entry) => {
    const site = siteHost(entry);
    return site !== null && (host === site || host.endsWith(`.${site}`));
  });
}

/**
 * The options page's site list: one host name per line, pasted URLs reduced to their host names,
 * blank lines skipped, each site once in the order first given; lines that are not host names are
 * returned, as typed, in `invalid` for the page to point out.
 */
export function parseSiteList(text: string): { sites: string[]; invalid: string[] } {
  const sites: string[] = [];
  const invalid: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const entry = line.trim();
    if (!entry) continue;
    const host = siteHost(entry);
    if (host === null) invalid.push(entry);
    else if (!sites.includes(host)) sites.push(host);
  }
  return { sites, invalid };
}
