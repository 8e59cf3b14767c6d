import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfirmHost, Toaster } from '../../components/ui';
import type { app } from '../../lib/backend';
import { useSystemStore } from '../../stores/system';
import { installFakeBackend, removeFakeBackend, sampleInfo, type FakeBackend } from '../../test/fakeBackend';
import { formatBytes } from './bytes';
import { DataSection } from './DataSection';

let folder: app.DataFolder;
let backups: app.BackupInfo[];
let closeAction: string;
let fake: FakeBackend;

const backupA: app.BackupInfo = {
  name: 'chatflow-20260401-080000.000-daily.db',
  path: '/data/chatflow/backups/chatflow-20260401-080000.000-daily.db',
  createdAt: '2026-04-01T08:00:00Z',
  sizeBytes: 40960,
  kind: 'daily',
};

beforeEach(() => {
  folder = {
    path: '/data/chatflow',
    dbPath: '/data/chatflow/chatflow.db',
    backupsPath: '/data/chatflow/backups',
    sizeBytes: 2 * 1024 * 1024,
    restorePending: false,
  };
  backups = [backupA];
  closeAction = '';
  useSystemStore.setState({ info: { ...sampleInfo, mode: 'browser' }, status: 'ready' });
  fake = installFakeBackend({
    Data: {
      Folder: () => Promise.resolve({ ...folder }),
      Backups: () => Promise.resolve([...backups]),
      OpenFolder: () => Promise.reject(new Error('Could not open the folder here; it is /data/chatflow.')),
      BackupNow: () => {
        const b = { ...backupA, name: 'chatflow-now-manual.db', path: '/data/chatflow/backups/now.db', kind: 'manual' };
        backups = [b, ...backups];
        return Promise.resolve(b);
      },
      Restore: (path: unknown) => {
        if (path === '/tmp/notes.txt') return Promise.reject(new Error('That file is not a Chatflow Studio backup.'));
        folder = { ...folder, restorePending: true };
        return Promise.resolve({ message: 'The backup is ready. Quit and start again.', flows: 2 });
      },
      CancelRestore: () => {
        folder = { ...folder, restorePending: false };
        return Promise.resolve(undefined);
      },
      CloseAction: () => Promise.resolve(closeAction),
      SetCloseAction: (a: unknown) => {
        closeAction = a as string;
        return Promise.resolve(undefined);
      },
    },
  });
});
afterEach(() => removeFakeBackend());

function renderSection() {
  return render(
    <>
      <DataSection />
      <ConfirmHost />
      <Toaster />
    </>,
  );
}

describe('DataSection', () => {
  it('shows the data folder, its size and the backups', async () => {
    renderSection();
    expect(await screen.findByTestId('data-folder')).toHaveTextContent('/data/chatflow');
    expect(screen.getByText('2.0 MB')).toBeInTheDocument();
    const table = screen.getByRole('table');
    expect(within(table).getByText('Daily')).toBeInTheDocument();
    expect(within(table).getByText('40.0 KB')).toBeInTheDocument();
    // Browser mode has no window, so no close choice.
    expect(screen.queryByLabelText('When I close the window')).toBeNull();
    // Whether backups hold the conversations' files is said, not guessed.
    expect(screen.getByText(/Backups include the photos and documents/)).toBeInTheDocument();
  });

  it('says where the folder is when it cannot be opened', async () => {
    renderSection();
    await userEvent.click(await screen.findByRole('button', { name: 'Open folder' }));
    expect(await screen.findByText('Could not open the folder here; it is /data/chatflow.')).toBeInTheDocument();
  });

  it('backs up now and lists the new backup', async () => {
    renderSection();
    await screen.findByText('Daily');
    await userEvent.click(screen.getByRole('button', { name: 'Back up now' }));
    expect(await screen.findByText('Manual')).toBeInTheDocument();
    expect(screen.getByText('Backup made')).toBeInTheDocument();
  });

  it('restores only after confirmation, then offers to cancel', async () => {
    renderSection();
    await screen.findByText('Daily');
    await userEvent.click(screen.getByRole('button', { name: 'Restore' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Restore this backup?')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fake.calls.some((c) => c.name === 'Data.Restore')).toBe(false);

    await userEvent.click(screen.getByRole('button', { name: 'Restore' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(fake.calls.find((c) => c.name === 'Data.Restore')?.args).toEqual([backupA.path]));
    expect(await screen.findByText(/A restore is ready/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel restore' }));
    await waitFor(() => expect(screen.queryByText(/A restore is ready/)).toBeNull());
  });

  it('refuses a file that is not a backup with the reason', async () => {
    renderSection();
    await userEvent.click(await screen.findByRole('button', { name: 'Restore from a file…' }));
    await userEvent.type(screen.getByLabelText('Backup file'), '/tmp/notes.txt');
    await userEvent.click(screen.getByRole('button', { name: 'Restore…' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Restore' }));
    expect(await screen.findByText('That file is not a Chatflow Studio backup.')).toBeInTheDocument();
  });

  it('lets the desktop window remember what closing it does', async () => {
    useSystemStore.setState({ info: { ...sampleInfo, mode: 'desktop' }, status: 'ready' });
    renderSection();
    const select = await screen.findByLabelText('When I close the window');
    await userEvent.selectOptions(select, 'background');
    await waitFor(() => expect(closeAction).toBe('background'));
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KB'],
    [5 * 1024 * 1024, '5.0 MB'],
  ])('%d bytes is %s', (n, want) => {
    expect(formatBytes(n)).toBe(want);
  });
});
