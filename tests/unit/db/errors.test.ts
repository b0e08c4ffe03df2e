import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { describeStorageError, explainFailures, requestPersistentStorage } from '@/lib/db/errors';
import { RecordsDatabase } from '@/lib/db/database';
import { FAKE_IDB, uniqueName } from '../../support/test-db';

const named = (name: string, message = `${name} happened`) => Object.assign(new Error(message), { name });

describe('describeStorageError', () => {
  it.each<[string, unknown, RegExp]>([
    ['a quota error', new DOMException('The quota has been exceeded.', 'QuotaExceededError'), /no room left/],
    [
      'a quota error wrapped by Dexie',
      new Dexie.AbortError('Transaction aborted', named('QuotaExceededError')),
      /no room left/,
    ],
    [
      'a quota error wrapped twice',
      new Dexie.AbortError('aborted', new Dexie.QuotaExceededError('inner')),
      /storage quota exceeded/,
    ],
    ['a closed database', new Dexie.DatabaseClosedError('Database has been closed'), /was closed while in use/],
    [
      'a version error',
      new DOMException('The requested version is less', 'VersionError'),
      /newer version of this extension/,
    ],
    [
      'a version error behind an open failure',
      new Dexie.OpenFailedError('open', named('VersionError')),
      /Update the extension/,
    ],
    ['an invalid state', named('InvalidStateError'), /private windows/],
    ['a missing IndexedDB', new Dexie.MissingAPIError('IndexedDB API missing'), /IndexedDB is unavailable/],
    ['an unknown error', new Error('Something odd'), /^The records could not be read or saved: Something odd$/],
    ['an unknown Dexie error', new Dexie.ConstraintError('Key already exists'), /: Key already exists$/],
    ['a bare string', 'plain failure', /: plain failure$/],
    ['nothing', undefined, /: undefined$/],
  ])('explains %s', (_label, error, message) => {
    expect(describeStorageError(error)).toMatch(message);
  });

  it('survives an error that wraps itself', () => {
    const loop: { name: string; message: string; inner?: unknown } = { name: 'Weird', message: 'loop' };
    loop.inner = loop;
    expect(describeStorageError(loop)).toMatch(/: loop$/);
  });

  it('explains the error a closed database really raises', async () => {
    const db = new RecordsDatabase(uniqueName('closed'), FAKE_IDB);
    await db.open();
    db.close({ disableAutoOpen: true });
    const error = await db.sources.get('x').catch((e: unknown) => e);
    expect(describeStorageError(error)).toMatch(/was closed while in use/);
    await db.delete();
  });
});

describe('requestPersistentStorage', () => {
  it.each<[string, boolean, boolean, string, number]>([
    ['already persisted', true, false, 'granted', 0],
    ['granted on request', false, true, 'granted', 1],
    ['denied on request', false, false, 'denied', 1],
  ])('%s', async (_label, persisted, persist, result, persistCalls) => {
    const storage = { persisted: vi.fn(async () => persisted), persist: vi.fn(async () => persist) };
    expect(await requestPersistentStorage(storage)).toBe(result);
    expect(storage.persist).toHaveBeenCalledTimes(persistCalls);
  });

  it('says unsupported when the API is missing or throws', async () => {
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
    expect(await requestPersistentStorage({ persisted: async () => false })).toBe('unsupported');
    const throwing = { persisted: async () => Promise.reject(new Error('no')), persist: async () => true };
    expect(await requestPersistentStorage(throwing)).toBe('unsupported');
  });
});

describe('explainFailures', () => {
  it.each([
    {
      error: Object.assign(new Error('This highlight belongs to another page.'), { name: 'RecordAccessError' }),
      expected: 'This highlight belongs to another page.',
    },
    { error: { name: 'QuotaExceededError' }, expected: describeStorageError({ name: 'QuotaExceededError' }) },
  ])('turns $error.name into words a researcher can act on', async ({ error, expected }) => {
    await expect(explainFailures(Promise.reject(error))).rejects.toThrow(expected);
  });

  it('passes a result through', async () => {
    await expect(explainFailures(Promise.resolve(7))).resolves.toBe(7);
  });
});
