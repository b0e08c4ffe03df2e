import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BUILT_IN_KINDS } from '@/lib/schema/kinds';
import {
  addKind,
  adoptKinds,
  defaultKinds,
  kindIdFor,
  kindLabel,
  KINDS_KEY,
  loadKinds,
  recolorKind,
  removeKind,
  renameKind,
  repairKinds,
  saveKinds,
} from '@/lib/settings/kinds-vocabulary';

const base = defaultKinds();
const withWitness = [...base, { id: 'witness', label: 'Witness', color: '#aabbcc' }];

describe('kinds vocabulary edits', () => {
  it.each([
    {
      name: 'adds a kind at the end with an id from its label',
      kinds: base,
      label: ' Witness ',
      color: '#AABBCC',
      expected: { id: 'witness', label: 'Witness', color: '#aabbcc' },
    },
    {
      name: 'gives a label without Latin letters a neutral id',
      kinds: base,
      label: 'Сведка',
      color: '#112233',
      expected: { id: 'kind', label: 'Сведка', color: '#112233' },
    },
    {
      name: 'keeps ids unique',
      kinds: withWitness,
      label: 'Witness (court)',
      color: '#112233',
      expected: { id: 'witness-court', label: 'Witness (court)', color: '#112233' },
    },
  ])('$name', ({ kinds, label, color, expected }) => {
    const edit = addKind(kinds, label, color);
    expect(edit.ok && edit.kinds.at(-1)).toEqual(expected);
    expect(edit.ok && edit.kinds.length).toBe(kinds.length + 1);
  });

  it.each([
    { name: 'an empty name', label: '  ', color: '#112233', message: /needs a name/ },
    {
      name: 'a name already used, whatever its case or accents',
      label: 'pérson',
      color: '#112233',
      message: /already a kind called "Person"/,
    },
    { name: 'a colour that is not #rrggbb', label: 'Witness', color: 'red', message: /#rrggbb/ },
  ])('refuses to add $name', ({ label, color, message }) => {
    const edit = addKind(base, label, color);
    expect(edit.ok).toBe(false);
    expect(!edit.ok && edit.message).toMatch(message);
  });

  it('renames a built-in kind and keeps its id', () => {
    const edit = renameKind(base, 'person', 'Individual');
    expect(edit.ok && edit.kinds.find((k) => k.id === 'person')?.label).toBe('Individual');
    expect(edit.ok && edit.kinds.map((k) => k.id)).toEqual(base.map((k) => k.id));
  });

  it('recolours a kind and refuses a bad colour or an unknown kind', () => {
    const edit = recolorKind(base, 'fact', '#0000FF');
    expect(edit.ok && edit.kinds.find((k) => k.id === 'fact')?.color).toBe('#0000ff');
    expect(recolorKind(base, 'fact', '#00f').ok).toBe(false);
    expect(recolorKind(base, 'nothing', '#0000ff').ok).toBe(false);
  });

  it.each([
    { name: 'a built-in kind', kinds: base, id: 'place', usage: 0, message: /built in and cannot be deleted/ },
    {
      name: 'a kind in use, saying how many use it',
      kinds: withWitness,
      id: 'witness',
      usage: 1234,
      message: /1,234 highlights use "Witness"/,
    },
    {
      name: 'a kind one highlight uses',
      kinds: withWitness,
      id: 'witness',
      usage: 1,
      message: /1 highlight uses "Witness"/,
    },
  ])('refuses to delete $name', ({ kinds, id, usage, message }) => {
    const edit = removeKind(kinds, id, usage);
    expect(!edit.ok && edit.message).toMatch(message);
  });

  it('deletes a kind of its own that no highlight uses', () => {
    const edit = removeKind(withWitness, 'witness', 0);
    expect(edit.ok && edit.kinds).toEqual(base);
  });

  it.each([
    { input: 'Legal article', taken: [], expected: 'legal-article' },
    { input: 'Legal article', taken: ['legal-article', 'legal-article-2'], expected: 'legal-article-3' },
    { input: '  ***  ', taken: [], expected: 'kind' },
    { input: 'x'.repeat(60), taken: [], expected: 'x'.repeat(32) },
  ])('makes the id $expected from "$input"', ({ input, taken, expected }) =>
    expect(kindIdFor(input, new Set(taken))).toBe(expected),
  );

  it('labels a kind missing from the vocabulary by its id', () => {
    expect(kindLabel(base, 'fact')).toBe('Fact');
    expect(kindLabel(base, 'imported-kind')).toBe('imported-kind');
  });
});

describe('adoptKinds', () => {
  const witness = { id: 'witness', label: 'Witness', color: '#AABBCC' };
  const victim = { id: 'victim', label: 'Victim', color: '#112233' };
  it.each([
    {
      case: 'adds a kind the imported highlights use, with its label and colour',
      incoming: [witness, victim],
      used: ['person', 'witness'],
      added: [{ id: 'witness', label: 'Witness', color: '#aabbcc' }],
    },
    { case: 'adds nothing the highlights do not use', incoming: [witness], used: ['person'], added: [] },
    {
      case: 'keeps the researcher’s own label and colour for a kind already here',
      incoming: [{ id: 'person', label: 'Human', color: '#000000' }],
      used: ['person'],
      added: [],
    },
    {
      case: 'marks a label that clashes with another kind',
      incoming: [{ id: 'persona', label: 'person', color: '#123456' }],
      used: ['persona'],
      added: [{ id: 'persona', label: 'person (imported)', color: '#123456' }],
    },
  ])('$case', ({ incoming, used, added }) => {
    const result = adoptKinds(base, incoming, new Set(used));
    expect(result.added).toEqual(added);
    expect(result.kinds).toEqual([...base, ...added]);
  });

  it('never grows the vocabulary past MAX_KINDS', () => {
    const full = [
      ...base,
      ...Array.from({ length: 192 }, (_, i) => ({ id: `k${i}`, label: `K${i}`, color: '#000000' })),
    ];
    expect(full).toHaveLength(200);
    expect(adoptKinds(full, [witness], new Set(['witness'])).added).toEqual([]);
  });
});

describe('kinds vocabulary storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts with the built-in kinds and keeps what is saved', async () => {
    const area = fakeBrowser.storage.local;
    expect(await loadKinds(area)).toEqual([...BUILT_IN_KINDS]);
    await saveKinds(area, withWitness);
    expect(await loadKinds(area)).toEqual(withWitness);
  });

  it.each([
    {
      name: 'without a built-in kind',
      kinds: base.filter((k) => k.id !== 'fact'),
      message: /built-in kind is missing/,
    },
    { name: 'with a duplicate id', kinds: [...base, { ...base[0]! }], message: /unique/ },
    { name: 'with a bad colour', kinds: [...base, { id: 'x', label: 'X', color: 'blue' }], message: /colour/ },
  ])('refuses to save a vocabulary $name and keeps the stored one', async ({ kinds, message }) => {
    const area = fakeBrowser.storage.local;
    await saveKinds(area, withWitness);
    await expect(saveKinds(area, kinds)).rejects.toThrow(message);
    expect(await loadKinds(area)).toEqual(withWitness);
  });

  it.each([
    { name: 'garbage', stored: 'garbage', expected: base },
    {
      name: 'a bad entry among good ones',
      stored: [...withWitness, { id: 'Bad Id', label: 'x', color: '#000000' }],
      expected: withWitness,
    },
    {
      name: 'a duplicate',
      stored: [...withWitness, { id: 'witness', label: 'Again', color: '#000000' }],
      expected: withWitness,
    },
    {
      name: 'a missing built-in kind',
      stored: withWitness.filter((k) => k.id !== 'other'),
      expected: [base.at(-1), ...withWitness.filter((k) => k.id !== 'other')],
    },
  ])('repairs $name', async ({ stored, expected }) => {
    expect(repairKinds(stored)).toEqual(expected);
    await fakeBrowser.storage.local.set({ [KINDS_KEY]: stored });
    expect(await loadKinds(fakeBrowser.storage.local)).toEqual(expected);
  });
});
