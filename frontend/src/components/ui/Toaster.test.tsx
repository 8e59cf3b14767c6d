import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { notify, toast, useToastStore } from './toast';
import { Toaster } from './Toaster';

afterEach(() => {
  vi.useRealTimers();
  act(() => useToastStore.setState({ toasts: [] }));
});

describe('Toaster', () => {
  it('shows a success that hides by itself', () => {
    vi.useFakeTimers();
    render(<Toaster />);
    act(() => {
      toast.success('Flow saved', 'Support is live.');
    });
    expect(screen.getByRole('status')).toHaveTextContent('Flow saved');
    expect(screen.getByRole('status')).toHaveTextContent('Support is live.');
    act(() => {
      vi.advanceTimersByTime(4001);
    });
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('keeps an error until it is dismissed', async () => {
    render(<Toaster />);
    act(() => {
      toast.error('Could not save', 'store: flow name is taken');
    });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('store: flow name is taken');
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('drops the notifications of a page when another one opens', () => {
    render(<Toaster />);
    act(() => {
      location.hash = '#/flows/3';
      toast.error('Not published', 'Buttons “Hi” has no answer.');
    });
    act(() => {
      location.hash = '#/flows';
      toast.info('Flow list loaded');
      useToastStore.getState().dismissElsewhere('#/flows');
    });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Flow list loaded');
  });

  it('keeps at most four, dropping the oldest', () => {
    render(<Toaster />);
    act(() => {
      for (let i = 1; i <= 6; i++) notify({ title: `Note ${i}`, timeoutMs: 0 });
    });
    const shown = screen.getAllByRole('status').map((el) => el.textContent);
    expect(shown).toEqual(['Note 3', 'Note 4', 'Note 5', 'Note 6']);
  });
});
