// W3C resources are named by IRIs; our records by UUIDs. A UUID becomes the IRI `urn:uuid:<id>`,
// and ids the records do not have (the collection, its page) are derived from the contents so the
// same export always gets the same names.

const URN_UUID = 'urn:uuid:';

/** The IRI of a record id. */
export function uuidIri(id: string): string {
  return `${URN_UUID}${id}`;
}

/** The record id inside a `urn:uuid:` IRI, or null when the IRI is of another form. */
export function uuidFromIri(iri: string): string | null {
  return iri.toLowerCase().startsWith(URN_UUID) ? iri.slice(URN_UUID.length) : null;
}

/** Whether `value` looks like an absolute IRI (a scheme, a colon, no spaces). */
export function isAbsoluteIri(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/.test(value);
}

/**
 * A UUID (version 8, "custom") hashed from `parts`. It names things, it guards nothing, so a fast
 * synchronous 128-bit mix (cyrb128) is enough where SHA-1 for a v5 UUID would need async WebCrypto.
 */
export function derivedUuid(parts: Iterable<string>): string {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  const mix = (code: number) => {
    h1 = h2 ^ Math.imul(h1 ^ code, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ code, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ code, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ code, 2716044179);
  };
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) mix(part.charCodeAt(i));
    mix(0x1f); // a separator, so ["ab", "c"] and ["a", "bc"] differ
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  const hex = [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
