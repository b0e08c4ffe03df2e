import { getDomain } from 'tldts';

// A page's DOM supplies its declared canonical URL, so any site can claim to be any other (issue 11:
// a copy of a story on another site declares the story's address to read and write its records).
// A declared address is believed only when it is on the same site as the address the tab actually
// shows: the same registrable domain, by the public-suffix list. Private suffixes count, so two
// `github.io` or `blogspot.com` subdomains belong to different people and are different sites.

/**
 * The site of an http(s) URL: its host's registrable domain, or the host itself when it has none
 * (an IP address, a single-label host such as `localhost`, a bare public suffix). Scheme and port
 * do not matter: `http://` and `https://` of one host, or two ports on it, are one site. Null when
 * `url` is not an http(s) URL with a host.
 */
export function siteOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  // The URL parser has already lowercased and punycoded the host; `news.example.` is `news.example`.
  const host = parsed.hostname.replace(/\.$/, '');
  if (!host) return null;
  // tldts gives no domain for IP addresses (IPv6 arrives bracketed) or hosts without a public
  // suffix: those compare by their exact host, so 127.0.0.1 and localhost are different sites.
  return getDomain(host, { allowPrivateDomains: true, extractHostname: false }) ?? host;
}

/** True when both are http(s) URLs on the same site (see siteOf); false when either is not a URL. */
export function sameSite(a: string, b: string): boolean {
  const site = siteOf(a);
  return site !== null && site === siteOf(b);
}

/**
 * The canonical URL a page declares, if it may be believed: an http(s) URL on the same site as the
 * visited one. Null otherwise, and the page is then known by its visited address alone.
 */
export function trustedCanonical(visitedUrl: string, declaredCanonical: string | null): string | null {
  return declaredCanonical !== null && sameSite(visitedUrl, declaredCanonical) ? declaredCanonical : null;
}
