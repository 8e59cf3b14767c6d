import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Button } from './Button';
import { confirm } from './confirm';
import { ConfirmHost } from './ConfirmDialog';
import { Dialog } from './Dialog';

function Harness({ modalOnly = false }: { modalOnly?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Open</Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Rename flow"
        description="Names must be unique."
        modalOnly={modalOnly}
        footer={<Button onClick={() => setOpen(false)}>Cancel</Button>}
      >
        <input aria-label="Name" />
      </Dialog>
    </>
  );
}

describe('Dialog', () => {
  it('opens with focus inside, traps Tab, closes on Escape and restores focus', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const opener = screen.getByRole('button', { name: 'Open' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Rename flow' });
    expect(dialog).toHaveAccessibleDescription('Names must be unique.');
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it('closes on an outside click unless modalOnly', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await user.click(screen.getByRole('dialog').parentElement as HTMLElement);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    unmount();

    render(<Harness modalOnly />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await user.click(screen.getByRole('dialog').parentElement as HTMLElement);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});

describe('confirm', () => {
  it.each([
    { button: 'Delete', want: true },
    { button: 'Keep', want: false },
  ])('resolves $want when the user picks $button', async ({ button, want }) => {
    const user = userEvent.setup();
    render(<ConfirmHost />);
    let answer: Promise<boolean> = Promise.resolve(!want);
    act(() => {
      answer = confirm({ title: 'Delete flow?', message: 'This cannot be undone.', confirmLabel: 'Delete', cancelLabel: 'Keep', danger: true });
    });
    expect(screen.getByRole('dialog', { name: 'Delete flow?' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: button }));
    await expect(answer).resolves.toBe(want);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('answers false on Escape and when a second request replaces the first', async () => {
    const user = userEvent.setup();
    render(<ConfirmHost />);
    let first: Promise<boolean> = Promise.resolve(true);
    let second: Promise<boolean> = Promise.resolve(true);
    act(() => {
      first = confirm({ title: 'First?' });
    });
    act(() => {
      second = confirm({ title: 'Second?' });
    });
    await expect(first).resolves.toBe(false);
    expect(screen.getByRole('dialog', { name: 'Second?' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await expect(second).resolves.toBe(false);
  });
});
