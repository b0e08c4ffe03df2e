// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VirtualList } from '@/components/VirtualList';

afterEach(cleanup);

function Harness({ count, onActivate }: { count: number; onActivate: (index: number) => void }) {
  const [active, setActive] = useState(-1);
  return (
    <VirtualList
      label="Items"
      count={count}
      rowHeight={20}
      rowId={(i) => `item-${i}`}
      active={active}
      onActiveChange={setActive}
      onActivate={onActivate}
      renderRow={(i) => `Row ${i}`}
      fallbackRows={10}
    />
  );
}

describe('VirtualList', () => {
  it('renders a window of rows, not all 100,000, in a spacer as tall as all of them', () => {
    render(<Harness count={100_000} onActivate={() => {}} />);
    const options = screen.getAllByRole('option');
    expect(options.length).toBeLessThanOrEqual(10 + 4 + 1);
    expect(options[0]!.textContent).toBe('Row 0');
    expect(options[0]!.getAttribute('aria-setsize')).toBe('100000');
    expect((screen.getByRole('listbox').firstElementChild as HTMLElement).style.height).toBe('2000000px');
  });

  it('moves the highlight with the keys and opens it with Enter', () => {
    const onActivate = vi.fn();
    render(<Harness count={100_000} onActivate={onActivate} />);
    const list = screen.getByRole('listbox', { name: 'Items' });
    const press = (key: string) => fireEvent.keyDown(list, { key });
    press('ArrowDown');
    expect(list.getAttribute('aria-activedescendant')).toBe('item-0');
    press('ArrowDown');
    press('ArrowDown');
    press('ArrowUp');
    expect(list.getAttribute('aria-activedescendant')).toBe('item-1');
    expect(screen.getByRole('option', { selected: true }).textContent).toBe('Row 1');
    press('Enter');
    expect(onActivate).toHaveBeenCalledWith(1);
    press('ArrowUp');
    press('ArrowUp');
    expect(list.getAttribute('aria-activedescendant')).toBe('item-0');
  });

  it('renders the row the keyboard reaches far down the list', () => {
    render(<Harness count={100_000} onActivate={() => {}} />);
    const list = screen.getByRole('listbox');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'End' });
    expect(list.getAttribute('aria-activedescendant')).toBe('item-99999');
    expect(screen.getByRole('option', { selected: true }).textContent).toBe('Row 99999');
    expect(screen.getAllByRole('option').length).toBeLessThanOrEqual(15);
  });

  it('opens a row on click', () => {
    const onActivate = vi.fn();
    render(<Harness count={3} onActivate={onActivate} />);
    fireEvent.click(screen.getByText('Row 2'));
    expect(onActivate).toHaveBeenCalledWith(2);
  });
});
