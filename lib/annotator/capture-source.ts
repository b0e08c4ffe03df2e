import type { SourceCapture } from '../messaging/protocol';
import { readSourceMetadata } from '../page/source-metadata';
import { sha256Hex, visibleText } from '../page/text-fingerprint';

/** Reads the page's source record at the moment of the first highlight: metadata and text fingerprint. */
export async function captureSource(root: Document): Promise<SourceCapture> {
  return { ...readSourceMetadata(root), textSha256: await sha256Hex(visibleText(root)) };
}

/**
 * The capture of the page at its current address, read once: only the first highlight on a page
 * records its source, so later highlights must not pay for reading the whole text again.
 * A failed capture is forgotten, so the next highlight tries again.
 */
export function captureOnce(root: Document): () => Promise<SourceCapture> {
  let cached: { url: string; source: Promise<SourceCapture> } | null = null;
  return () => {
    if (cached?.url !== root.URL) {
      const source = captureSource(root);
      const entry = { url: root.URL, source };
      cached = entry;
      source.catch(() => {
        if (cached === entry) cached = null;
      });
    }
    return cached.source;
  };
}
