import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useSystemStore } from '../stores/system';
import { installFakeBackend, removeFakeBackend, sampleInfo, type FakeBackend } from '../test/fakeBackend';
import { CloseDialog, closeRequestedEvent } from './CloseDialog';

let fake: FakeBackend;

beforeEach(() => {
  fake = installFakeBackend({
    Data: {
      CloseDialogReady: () => Promise.resolve(undefined),
      CloseWindow: () => Promise.resolve(undefined),
    },
  });
});
afterEach(() => removeFakeBackend());

describe('CloseDialog', () => {
  it('asks on close in the desktop window and passes the answer with "remember"', async () => {
    useSystemStore.setState({ info: { ...sampleInfo, mode: 'desktop' }, status: 'ready' });
    render(<CloseDialog />);
    await waitFor(() => expect(fake.calls.map((c) => c.name)).toContain('Data.CloseDialogReady'));
    act(() => fake.emit(closeRequestedEvent, null));
    expect(await screen.findByRole('dialog', { name: 'Keep your bot running?' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: /Remember my choice/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Keep running in the background' }));
    await waitFor(() => expect(fake.calls.find((c) => c.name === 'Data.CloseWindow')?.args).toEqual(['background', true]));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('quits without remembering', async () => {
    useSystemStore.setState({ info: { ...sampleInfo, mode: 'desktop' }, status: 'ready' });
    render(<CloseDialog />);
    await waitFor(() => expect(fake.listenerCount(closeRequestedEvent)).toBe(1));
    act(() => fake.emit(closeRequestedEvent, null));
    await userEvent.click(await screen.findByRole('button', { name: 'Quit' }));
    await waitFor(() => expect(fake.calls.find((c) => c.name === 'Data.CloseWindow')?.args).toEqual(['quit', false]));
  });

  it('does nothing in browser mode', () => {
    useSystemStore.setState({ info: { ...sampleInfo, mode: 'browser' }, status: 'ready' });
    render(<CloseDialog />);
    expect(fake.listenerCount(closeRequestedEvent)).toBe(0);
    expect(fake.calls.some((c) => c.name === 'Data.CloseDialogReady')).toBe(false);
  });
});
