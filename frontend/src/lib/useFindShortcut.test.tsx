import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useFindShortcut } from './useFindShortcut';

function List() {
  const ref = useFindShortcut<HTMLInputElement>();
  return (
    <div>
      <button type="button">elsewhere</button>
      <input ref={ref} aria-label="Search" defaultValue="old query" />
    </div>
  );
}

describe('useFindShortcut', () => {
  it('focuses and selects the search field on Ctrl+F and Cmd+F', () => {
    render(<List />);
    const input = screen.getByLabelText<HTMLInputElement>('Search');
    screen.getByRole('button').focus();
    fireEvent.keyDown(window, { key: 'f', ctrlKey: true });
    expect(document.activeElement).toBe(input);
    expect(input.selectionStart).toBe(0);
    expect(input.selectionEnd).toBe('old query'.length);

    screen.getByRole('button').focus();
    fireEvent.keyDown(window, { key: 'F', metaKey: true });
    expect(document.activeElement).toBe(input);
  });

  it('leaves other shortcuts alone', () => {
    render(<List />);
    screen.getByRole('button').focus();
    fireEvent.keyDown(window, { key: 'f', ctrlKey: true, shiftKey: true });
    fireEvent.keyDown(window, { key: 'g', ctrlKey: true });
    fireEvent.keyDown(window, { key: 'f' });
    expect(document.activeElement).toBe(screen.getByRole('button'));
  });
});
