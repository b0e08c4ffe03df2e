import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateAgainstCommittedSchema } from '../support/validate-export';
import { importFile, launchExtension, openExtensionPage, type ExtensionSession } from './harness';

// A researcher imports a colleague's file, exports everything, and a second researcher with a fresh
// profile imports that export and ends up with the same records, by way of the side panel.

const FIXTURE = resolve('tests/fixtures/records/release-digest.v1.json');
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8'));
const recordsOf = (file: Record<string, unknown>) => ({
  sources: file.sources,
  annotations: file.annotations,
  persons: file.persons,
  cases: file.cases,
});

async function exportAs(panel: Page, format: string) {
  await panel.getByLabel('Format').selectOption({ label: format });
  const download = panel.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

const countOf = (panel: Page, what: string) =>
  panel.getByLabel('Record counts').locator(`dt:text-is("${what}") + dd`).textContent();

let first: ExtensionSession;
let second: ExtensionSession;
beforeAll(async () => {
  first = await launchExtension();
  second = await launchExtension();
});
afterAll(async () => {
  await first?.close();
  await second?.close();
});

describe('export and import through the side panel', () => {
  let exported: { name: string; text: string };

  it('imports a shared-schema file and shows the report and the counts', async () => {
    const panel = await openExtensionPage(first, 'sidepanel.html');
    await importFile(panel, FIXTURE);
    await expect(panel.getByLabel('Import report').textContent()).resolves.toMatch(
      /5 added, 0 updated, 0 unchanged, 0 conflicts/,
    );
    await expect.poll(() => countOf(panel, 'Annotations')).toBe('2');
    await expect.poll(() => countOf(panel, 'Persons')).toBe('1');
  });

  it('exports a file that validates against the committed JSON Schema and holds the same records', async () => {
    const panel = await openExtensionPage(first, 'sidepanel.html');
    exported = await exportAs(panel, 'Shared schema (JSON)');
    expect(exported.name).toMatch(/^source-annotator-all-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(exported.text);
    expect(validateAgainstCommittedSchema(file)).toBeNull();
    expect(recordsOf(file)).toEqual(recordsOf(fixture));
    await expect(panel.getByRole('status').textContent()).resolves.toMatch(/Exported 2 annotations/);
  });

  it('imports that export into a fresh profile and finds the same records there', async () => {
    const panel = await openExtensionPage(second, 'sidepanel.html');
    await expect.poll(() => countOf(panel, 'Annotations')).toBe('0');
    const path = resolve(await makeTemp('export.json', exported.text));
    await importFile(panel, path);
    await expect(panel.getByLabel('Import report').textContent()).resolves.toMatch(/5 added/);
    const again = await exportAs(panel, 'Shared schema (JSON)');
    expect(recordsOf(JSON.parse(again.text))).toEqual(recordsOf(JSON.parse(exported.text)));
  });

  it('reads its own W3C export back: every record already there, nothing changed', async () => {
    const panel = await openExtensionPage(first, 'sidepanel.html');
    const w3c = await exportAs(panel, 'W3C Web Annotation (JSON-LD)');
    expect(JSON.parse(w3c.text)).toMatchObject({ type: 'AnnotationCollection', total: 2 });
    const other = await openExtensionPage(second, 'sidepanel.html');
    await importFile(other, resolve(await makeTemp('export.jsonld', w3c.text)));
    await expect(other.getByLabel('Import report').textContent()).resolves.toMatch(/0 added, 0 updated, 5 unchanged/);
  });

  it('writes a CSV that a spreadsheet opens: BOM, header and one row per annotation', async () => {
    const panel = await openExtensionPage(first, 'sidepanel.html');
    const csv = await exportAs(panel, 'Spreadsheet (CSV)');
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    expect(csv.text).toContain('Zinaida Mikhniuk');
  });

  it('refuses a broken file with the path of the first bad record and changes nothing', async () => {
    const panel = await openExtensionPage(second, 'sidepanel.html');
    const broken = { ...fixture, annotations: [{ ...fixture.annotations[0], kind: 'Not a kind' }] };
    await importFile(panel, resolve(await makeTemp('broken.json', JSON.stringify(broken))));
    const alert = panel.getByRole('alert');
    await expect(alert.textContent()).resolves.toMatch(/annotations\[0\]\.kind: .*Nothing was changed\./);
    await expect.poll(() => countOf(panel, 'Annotations')).toBe('2');
  });

  it('adds a colleague’s kind the imported highlights use to the vocabulary, once', async () => {
    const panel = await openExtensionPage(second, 'sidepanel.html');
    const witness = { id: 'witness', label: 'Witness', color: '#aabbcc' };
    const file = {
      ...fixture,
      kinds: [witness],
      annotations: fixture.annotations.map((a: Record<string, unknown>, i: number) =>
        i === 0 ? { ...a, kind: 'witness', modified: '2026-11-22T23:00:00.000Z' } : a,
      ),
    };
    const path = resolve(await makeTemp('colleague.json', JSON.stringify(file)));
    await importFile(panel, path);
    await expect(panel.getByRole('note').textContent()).resolves.toBe('Kinds added from the file: Witness.');
    const options = await openExtensionPage(second, 'options.html');
    await expect(options.getByLabel('Name of Witness').inputValue()).resolves.toBe('Witness');
    await expect(options.getByLabel('Colour of Witness').inputValue()).resolves.toBe('#aabbcc');
    await importFile(panel, path);
    await expect(panel.getByLabel('Import report').textContent()).resolves.toMatch(/unchanged/);
    expect(await panel.getByRole('note').count()).toBe(0);
  });
});

/** Writes `text` to a new temporary file, as a researcher would save a file a colleague sent. */
async function makeTemp(name: string, text: string): Promise<string> {
  const path = resolve(await mkdtemp(resolve(tmpdir(), 'sa-e2e-')), name);
  await writeFile(path, text);
  return path;
}
