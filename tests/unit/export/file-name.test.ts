import { describe, expect, it } from 'vitest';
import { exportFileName, slugify } from '@/lib/export/file-name';

describe('export file names', () => {
  it.each([
    [{ kind: 'all' } as const, null, 'native', 'source-annotator-all-2026-11-22.json'],
    [
      { kind: 'page', url: 'https://a.example/x' } as const,
      'rights-monitor.example',
      'csv',
      'source-annotator-page-rights-monitor-example-2026-11-22.csv',
    ],
    [
      { kind: 'person', personId: '00000000-0000-4000-8000-000000000001' } as const,
      'Zinaida Mikhniuk',
      'w3c',
      'source-annotator-person-zinaida-mikhniuk-2026-11-22.jsonld',
    ],
    [
      { kind: 'person', personId: '00000000-0000-4000-8000-000000000001' } as const,
      'Зінаіда Міхнюк',
      'native',
      'source-annotator-person-зінаіда-міхнюк-2026-11-22.json',
    ],
    [
      { kind: 'case', caseId: '00000000-0000-4000-8000-000000000002' } as const,
      '../../etc/passwd',
      'native',
      'source-annotator-case-etc-passwd-2026-11-22.json',
    ],
  ] as const)('%o %s %s → %s', (scope, label, format, expected) => {
    expect(exportFileName(scope, label, format, '2026-11-22T12:00:00.000Z')).toBe(expected);
  });

  it('folds diacritics and never returns an empty slug', () => {
    expect(slugify('Homieĺ colony No. 4')).toBe('homiel-colony-no-4');
    expect(slugify('***')).toBe('untitled');
  });
});
