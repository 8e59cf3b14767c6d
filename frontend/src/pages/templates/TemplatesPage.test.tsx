import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { WaTemplate } from '../../components/template/model';
import type { SyncResult, TemplatesApi, TemplatesView } from './api';
import { TemplatesPage } from './TemplatesPage';

const shipped: WaTemplate = {
  id: '1',
  name: 'order_shipped',
  language: 'en_US',
  category: 'UTILITY',
  status: 'APPROVED',
  parameterFormat: 'positional',
  body: 'Hi {{1}}, order {{2}} has shipped.',
  buttons: [{ type: 'quick_reply', text: 'Track it' }],
  examples: { 'body.1': 'Ana', 'body.2': 'A1001' },
};
const rejected: WaTemplate = { ...shipped, name: 'summer_sale', category: 'MARKETING', status: 'REJECTED', rejectedReason: 'PROMOTIONAL', body: 'Sale!', buttons: [] };

function fakeApi(view: TemplatesView, synced?: SyncResult | Error): TemplatesApi {
  return {
    list: vi.fn().mockResolvedValue(view),
    sync: synced instanceof Error ? vi.fn().mockRejectedValue(synced) : vi.fn().mockResolvedValue(synced),
  };
}

describe('TemplatesPage', () => {
  it('sends the owner to Settings while the business account is not set', async () => {
    render(<TemplatesPage api={fakeApi({ templates: [], syncedAt: '', missing: 'The WhatsApp Business Account ID is not set.' })} />);
    expect(await screen.findByText('Connect your WhatsApp Business Account')).toBeInTheDocument();
    expect(screen.getByText('The WhatsApp Business Account ID is not set. Templates are read from that account.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open Settings' })).toBeEnabled();
    expect(screen.getAllByRole('button', { name: 'Sync from WhatsApp' })[0]).toBeDisabled();
  });

  it('syncs, lists templates with their state and previews the chosen one', async () => {
    const user = userEvent.setup();
    const after: SyncResult = { templates: [shipped, rejected], syncedAt: new Date().toISOString(), missing: '', added: 2, updated: 0, removed: 0, unchanged: 0, skipped: 0 };
    const api = fakeApi({ templates: [], syncedAt: '', missing: '' }, after);
    render(<TemplatesPage api={api} />);
    expect(await screen.findByText('No templates yet')).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Sync from WhatsApp' })[0]);
    const table = await screen.findByRole('table', { name: 'Templates' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByText('Rejected')).toBeInTheDocument();
    expect(screen.getByText('Synced just now')).toBeInTheDocument();

    const details = screen.getByRole('region', { name: 'Template order_shipped' });
    expect(within(details).getByTestId('template-preview')).toHaveTextContent('Hi Ana, order A1001 has shipped.');
    expect(within(details).getByText('Body {{2}}')).toBeInTheDocument();

    await user.click(within(table).getByText('summer_sale'));
    const other = screen.getByRole('region', { name: 'Template summer_sale' });
    expect(within(other).getByRole('note')).toHaveTextContent('Meta rejected this template for promotional content in a utility template.');

    await user.click(screen.getByRole('button', { name: 'Ready to send' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    await user.type(screen.getByLabelText('Search templates'), 'nothing like it');
    expect(within(table).getByText('No template matches.')).toBeInTheDocument();
  });

  it('keeps the list when a sync fails', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ templates: [shipped], syncedAt: '2025-03-01T10:00:00Z', missing: '' }, new Error('Invalid OAuth access token.'));
    render(<TemplatesPage api={api} />);
    await screen.findByRole('table', { name: 'Templates' });
    await user.click(screen.getByRole('button', { name: 'Sync from WhatsApp' }));
    await waitFor(() => expect(api.list).toHaveBeenCalledTimes(2));
    expect(screen.getByRole('table', { name: 'Templates' })).toBeInTheDocument();
  });
});
