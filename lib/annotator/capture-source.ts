import type { SourceCapture } from '../messaging/protocol';
import { readSourceMetadata } from '../page/source-metadata';
import { sha256Hex, visibleText } from '../page/text-fingerprint';

/** Reads the page's source record at the moment of the first highlight: metadata and text fingerprint. */
export async function captureSource(root: Document): Promise<SourceCapture> {
  return { ...readSourceMetadata(root), textSha256: await sha256Hex(visibleText(root)) };
}
