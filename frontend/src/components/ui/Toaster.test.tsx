import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeToasts, notify, toast, useToastStore } from './toast';
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

  it('dismisses an error on request', async () => {
    render(<Toaster />);
    act(() => {
      toast.error('Could not save', 'store: flow name is taken');
    });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('store: flow name is taken');
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('hides an error after 6 s, but not while it is hovered', () => {
    vi.useFakeTimers();
    render(<Toaster />);
    act(() => {
      toast.error('Not published', 'Buttons “Hi” has no answer.');
    });
    act(() => {
      vi.advanceTimersByTime(5900);
    });
    const alert = screen.getByRole('alert');
    fireEvent.mouseEnter(alert);
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(screen.getByRole('alert')).toBeInTheDocument();
    fireEvent.mouseLeave(alert);
    act(() => {
      vi.advanceTimersByTime(5900);
    });
    expect(screen.getByRole('alert')).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(200);
    });
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

  it('lets the open page reword what its toasts say, until it lets go', () => {
    render(<Toaster />);
    const stop = describeToasts((text) => text.replace('node buttons_ueym', 'Buttons “Hi”'));
    act(() => {
      toast.error('Not published', 'node buttons_ueym: no button is connected.');
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Buttons “Hi”: no button is connected.');
    stop();
    act(() => {
      toast.info('Saved', 'node buttons_ueym moved');
    });
    expect(screen.getByRole('status')).toHaveTextContent('node buttons_ueym moved');
  });
});
