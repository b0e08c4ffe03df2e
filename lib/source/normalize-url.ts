// Two visits of the same article must find the same records, whatever tracking parameters or
// fragment the link carried. Normalisation keeps everything else as the site wrote it.

const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|ref_src)$/i;

/** A query parameter's name as the site reads it (`+` is a space, escapes decoded). */
function parameterName(part: string): string {
  const name = part.split('=', 1)[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** The URL without tracking parameters, fragment, default port, or a trailing `?`; null if not http(s). */
export function normalizeUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  const kept = [...url.searchParams].filter(([key]) => !TRACKING.test(key));
  url.search = kept.length ? new URLSearchParams(kept).toString() : '';
  return url.href;
}

/**
 * The URL with its tracking parameters taken out and everything else (other parameters, their order
 * and escapes, the fragment) as written: for opening a page again without telling the site where
 * the first visit came from (issue 11). The input as given when it is not an http(s) URL.
 */
export function withoutTracking(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return input;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.search) return input;
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((part) => part !== '' && !TRACKING.test(parameterName(part)));
  url.search = kept.length ? `?${kept.join('&')}` : '';
  return url.href;
}
