// The W3C model requires every timestamp (created, modified, generated, sourceDate) in UTC with
// "Z", while our records keep instants as they were written, offset included.

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * The same instant in UTC with "Z", keeping the fraction digits as written so a value already in
 * UTC comes back unchanged. Input that is not an ISO instant is returned as is.
 */
export function toUtcInstant(instant: string): string {
  if (instant.endsWith('Z')) return instant;
  const m = INSTANT.exec(instant);
  if (!m) return instant;
  const [, y, mo, d, h, mi, s, fraction = '', sign, oh, om] = m;
  const offset = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  // setUTCFullYear rather than Date.UTC, which reads years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  date.setUTCHours(Number(h), Number(mi) - offset, Number(s), 0);
  const iso = date.toISOString();
  return `${iso.slice(0, iso.indexOf('.'))}${fraction}Z`;
}
