import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { WaTemplate } from './model';
import { SendTemplateDialog } from './SendTemplateDialog';

const shipped: WaTemplate = {
  id: '1',
  name: 'order_shipped',
  language: 'en_US',
  category: 'UTILITY',
  status: 'APPROVED',
  parameterFormat: 'positional',
  header: { format: 'image' },
  body: 'Hi {{1}}, order {{2}} has shipped.',
  buttons: [{ type: 'quick_reply', text: 'Track it' }],
  examples: { 'body.1': 'Ana' },
};
const paused: WaTemplate = { ...shipped, name: 'old_promo', status: 'PAUSED', header: null, body: 'Sale' };

describe('SendTemplateDialog', () => {
  it('fills the parameters, previews and sends', async () => {
    const user = userEvent.setup();
    const send = vi.fn().mockResolvedValue(undefined);
    const onClose = vi.fn();
    render(
      <SendTemplateDialog open onClose={onClose} contactName="Ana" loadTemplates={() => Promise.resolve([paused, shipped])} send={send} />,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Send a template to Ana' });
    const select = within(dialog).getByLabelText('Template');
    await waitFor(() => expect(select).toHaveValue('order_shipped\u0000en_US'));
    expect(within(select).getByRole('option', { name: 'old_promo · English (United States) (paused)' })).toBeDisabled();

    await user.click(within(dialog).getByRole('button', { name: 'Send template' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Fill in Body {{1}}.');
    expect(send).not.toHaveBeenCalled();

    await user.type(within(dialog).getByLabelText('Body {{1}}'), 'Ana');
    await user.type(within(dialog).getByLabelText('Body {{2}}'), 'A1001');
    await user.click(within(dialog).getByRole('button', { name: 'Send template' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Give the image header an http(s) link.');
    await user.type(within(dialog).getByLabelText('Header image link'), 'https://cdn.example/p.jpg');
    expect(within(dialog).getByTestId('template-preview')).toHaveTextContent('Hi Ana, order A1001 has shipped.');
    await user.click(within(dialog).getByRole('button', { name: 'Send template' }));
    expect(send).toHaveBeenCalledWith(shipped, ['Ana', 'A1001'], 'https://cdn.example/p.jpg');
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('shows why the backend refused', async () => {
    const user = userEvent.setup();
    const send = vi.fn().mockRejectedValue(new Error('The template order_shipped (en_US) is paused, and WhatsApp only sends approved templates.'));
    const plain = { ...shipped, header: null, body: 'Hello' };
    render(<SendTemplateDialog open onClose={() => {}} contactName="Ana" loadTemplates={() => Promise.resolve([plain])} send={send} />);
    const dialog = await screen.findByRole('dialog');
    await screen.findByText('This template has no parameters; it is sent as it is.');
    await user.click(within(dialog).getByRole('button', { name: 'Send template' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('is paused');
  });

  it('points to the Templates page when nothing is synced', async () => {
    render(<SendTemplateDialog open onClose={() => {}} contactName="Ana" loadTemplates={() => Promise.resolve([])} send={vi.fn()} />);
    expect(await screen.findByText('No templates synced yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Templates page' })).toHaveAttribute('href', '#/templates');
    expect(screen.getByRole('button', { name: 'Send template' })).toBeDisabled();
  });
});
