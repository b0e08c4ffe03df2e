// IndexedDB fails in ways a researcher can act on (a full disk, an outdated extension, a private
// window), but its error names mean nothing to them. These messages say what happened to their
// records and what to do. Dexie wraps the browser's error as `inner`, sometimes twice, so the whole
// chain is searched, most specific cause first.

/** Messages for the errors a researcher can do something about, most specific first. */
const MESSAGES: readonly (readonly [name: string, message: string])[] = [
  [
    'QuotaExceededError',
    'The browser has no room left for your records (storage quota exceeded), so this change was not saved. ' +
      'Free some disk space, or export your records and remove ones you no longer need, then try again.',
  ],
  [
    'VersionError',
    'Your records were saved by a newer version of this extension and cannot be opened by this one. ' +
      'Update the extension; your records are untouched.',
  ],
  [
    'MissingAPIError',
    'This browser window cannot store records (IndexedDB is unavailable, as in some private windows). ' +
      'Open the extension in a normal window.',
  ],
  [
    'InvalidStateError',
    'The browser refused access to the records storage. This happens in private windows and when site data ' +
      'is blocked in the browser settings; open a normal window or allow storage for extensions, then try again.',
  ],
  [
    'DatabaseClosedError',
    'The records database was closed while in use (the browser may have restarted the extension). ' +
      'Reload this page and try again; saved records are not affected.',
  ],
];

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
}

/** The error and every error it wraps (Dexie's `inner`, standard `cause`), outermost first. */
function chainOf(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  let current: unknown = error;
  // Bounded, since a hostile or buggy object could wrap itself.
  while (current && typeof current === 'object' && chain.length < 8 && !chain.includes(current)) {
    const link = current as ErrorLike;
    chain.push(link);
    current = link.inner ?? link.cause;
  }
  return chain;
}

/** A sentence for the researcher about a failed read or write; unknown errors keep their own message. */
export function describeStorageError(error: unknown): string {
  const chain = chainOf(error);
  for (const [name, message] of MESSAGES) {
    if (chain.some((link) => link.name === name)) return message;
  }
  const original = chain.map((link) => link.message).find((m): m is string => typeof m === 'string' && m !== '');
  const detail = original ?? (typeof error === 'string' && error ? error : String(error));
  return `The records could not be read or saved: ${detail}`;
}

/** What the browser said when asked to keep the records through storage pressure. */
/**
 * The same work, failing with words a researcher can act on: a refused access (RecordAccessError)
 * keeps its own message, a storage failure is described by describeStorageError.
 */
export function explainFailures<T>(work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    throw new Error(
      error instanceof Error && error.name === 'RecordAccessError' ? error.message : describeStorageError(error),
    );
  });
}

export type PersistenceResult = 'granted' | 'denied' | 'unsupported';

/** The part of StorageManager this needs, so tests can pass their own. */
export type PersistentStorage = Pick<StorageManager, 'persist' | 'persisted'>;

/**
 * Asks the browser not to evict the records when disk space runs low; evidence must not vanish
 * silently. Asks only when not already granted, since asking may prompt the researcher.
 */
export async function requestPersistentStorage(
  storage: Partial<PersistentStorage> | undefined = typeof navigator === 'undefined' ? undefined : navigator.storage,
): Promise<PersistenceResult> {
  if (typeof storage?.persist !== 'function' || typeof storage.persisted !== 'function') return 'unsupported';
  try {
    if (await storage.persisted()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    // Browsers throw here when the context cannot have persistent storage at all.
    return 'unsupported';
  }
}
