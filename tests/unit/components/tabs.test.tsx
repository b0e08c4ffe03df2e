// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { Tabs } from '@/components/Tabs';

const TABS = [
  { id: 'page', label: 'This page' },
  { id: 'persons', label: 'Persons' },
  { id: 'cases', label: 'Cases' },
];

function Demo() {
  const [selected, setSelected] = useState('page');
  return (
    <Tabs label="Views" tabs={TABS} selected={selected} onSelect={setSelected}>
      <p>Panel of {selected}</p>
    </Tabs>
  );
}

afterEach(cleanup);

describe('workspace tabs', () => {
  it.each([
    { keys: ['ArrowRight'], expected: 'Persons' },
    { keys: ['ArrowRight', 'ArrowRight', 'ArrowRight'], expected: 'This page' },
    { keys: ['ArrowLeft'], expected: 'Cases' },
    { keys: ['End'], expected: 'Cases' },
    { keys: ['End', 'Home'], expected: 'This page' },
    { keys: ['Enter'], expected: 'This page' },
  ])('$keys selects and focuses $expected', ({ keys, expected }) => {
    render(<Demo />);
    for (const key of keys)
      fireEvent.keyDown(
        document.activeElement === document.body
          ? screen.getByRole('tab', { selected: true })
          : document.activeElement!,
        { key },
      );
    const tab = screen.getByRole('tab', { name: expected });
    expect(tab.getAttribute('aria-selected')).toBe('true');
    expect(tab.tabIndex).toBe(0);
    expect(screen.getAllByRole('tab').filter((t) => t.tabIndex === 0)).toHaveLength(1);
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(tab.id);
  });

  it('selects a tab on click and shows its panel', () => {
    render(<Demo />);
    fireEvent.click(screen.getByRole('tab', { name: 'Cases' }));
    expect(screen.getByRole('tabpanel').textContent).toBe('Panel of cases');
  });
});
