// Two visits of the same article must find the same records, whatever tracking parameters or
// fragment the link carried. Normalisation keeps everything else as the site wrote it.

const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|ref_src)$/i;

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
