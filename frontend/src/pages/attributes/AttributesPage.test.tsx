import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfirmHost, Toaster } from '../../components/ui';
import type { app } from '../../lib/backend';
import { installFakeBackend, removeFakeBackend, type FakeBackend } from '../../test/fakeBackend';
import { AttributesPage } from './AttributesPage';
import { useAttributeListStore } from '../../components/placeholder';

function info(name: string, type: string, extra: Partial<app.AttributeInfo> = {}): app.AttributeInfo {
  return { name, type, description: '', builtIn: false, usedBy: [], valueCount: 0, ...extra };
}

let attrs: app.AttributeInfo[];
let fake: FakeBackend;

beforeEach(() => {
  useAttributeListStore.setState({ list: null, attributes: [], status: 'idle', error: '' });
  attrs = [
    info('contact.name', 'text', { builtIn: true, description: "The customer's WhatsApp profile name." }),
    info('api.status', 'number', { builtIn: true }),
    info('order_id', 'text', { usedBy: ['API "Orders" (URL)', 'flow "Support" (Question “Your order number?”)'], valueCount: 3 }),
    info('scratch', 'number'),
    info('vip', 'boolean'),
  ];
  fake = installFakeBackend({
    Attributes: {
      List: () => Promise.resolve(attrs.map((a) => ({ ...a }))),
      Create: (def: unknown) => {
        const d = def as app.AttributeInfo;
        if (d.name === 'taken_server') return Promise.reject(new Error('An attribute named "taken_server" already exists.'));
        const created = info(d.name, d.type, { description: d.description });
        attrs.push(created);
        return Promise.resolve(created);
      },
      Update: (old: unknown, def: unknown) => {
        const d = def as app.AttributeInfo;
        attrs = attrs.map((a) => (a.name === old ? { ...a, name: d.name, type: d.type, description: d.description } : a));
        return Promise.resolve(attrs.find((a) => a.name === d.name));
      },
      Delete: (name: unknown) => {
        attrs = attrs.filter((a) => a.name !== name);
        return Promise.resolve(undefined);
      },
    },
  });
});
afterEach(() => removeFakeBackend());

function renderPage() {
  return render(
    <>
      <AttributesPage />
      <ConfirmHost />
      <Toaster />
    </>,
  );
}

describe('AttributesPage', () => {
  it('lists custom and built-in attributes with types and usage', async () => {
    renderPage();
    const custom = await screen.findByRole('table', { name: 'Your attributes' });
    const rows = within(custom).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual(['order_id', 'scratch', 'vip']);
    expect(within(rows[0]).getByText('flow "Support" (Question “Your order number?”)')).toBeInTheDocument();
    // Types in the dialog's words: "Yes / no", never "boolean".
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]?.textContent)).toEqual(['Text', 'Number', 'Yes / no']);
    expect(screen.queryByText('boolean')).not.toBeInTheDocument();
    const builtIns = screen.getByRole('table', { name: 'Built-in attributes' });
    expect(within(builtIns).getByText('contact.name')).toBeInTheDocument();
    expect(within(builtIns).getAllByLabelText('Built in')).toHaveLength(2);
    expect(within(builtIns).queryByRole('button')).not.toBeInTheDocument();
  });

  it('creates an attribute with inline validation', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByRole('table', { name: 'Your attributes' });
    await user.click(screen.getByRole('button', { name: 'New attribute' }));
    const dialog = screen.getByRole('dialog', { name: 'New attribute' });
    const name = within(dialog).getByLabelText('Name');
    await user.type(name, 'order id');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Use only letters, digits and underscores');
    await user.clear(name);
    await user.type(name, 'ORDER_ID');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('An attribute named ORDER_ID already exists.');
    await user.clear(name);
    await user.type(name, 'taken_server');
    await user.click(within(dialog).getByRole('button', { name: 'Create attribute' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('An attribute named "taken_server" already exists.');
    await user.clear(name);
    await user.type(name, 'total');
    await user.selectOptions(within(dialog).getByLabelText('Type'), 'number');
    await user.type(within(dialog).getByLabelText('Description'), 'Order total');
    await user.click(within(dialog).getByRole('button', { name: 'Create attribute' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.calls.find((c) => c.name === 'Attributes.Create' && (c.args[0] as app.AttributeInfo).name === 'total')?.args[0]).toMatchObject({
      name: 'total',
      type: 'number',
      description: 'Order total',
    });
    expect(await screen.findByText('total')).toBeInTheDocument();
  });

  it('shows where an attribute is used instead of deleting it', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByRole('table', { name: 'Your attributes' });
    await user.click(screen.getByRole('button', { name: 'Delete order_id' }));
    const dialog = screen.getByRole('dialog', { name: 'order_id is in use' });
    expect(within(dialog).getByText('API "Orders" (URL)')).toBeInTheDocument();
    expect(fake.calls.some((c) => c.name === 'Attributes.Delete')).toBe(false);
  });

  it('deletes an unused attribute after confirming', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByRole('table', { name: 'Your attributes' });
    await user.click(screen.getByRole('button', { name: 'Delete scratch' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Delete scratch?' })).getByRole('button', { name: 'Delete attribute' }));
    await waitFor(() => expect(screen.queryByText('scratch')).not.toBeInTheDocument());
    expect(fake.calls.filter((c) => c.name === 'Attributes.Delete').map((c) => c.args)).toEqual([['scratch']]);
  });

  it('renames through the edit dialog', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByRole('table', { name: 'Your attributes' });
    await user.click(screen.getByRole('button', { name: 'Edit order_id' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit order_id' });
    const name = within(dialog).getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'order_number');
    expect(within(dialog).getByText('Renaming updates all 2 places that use it.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('order_number')).toBeInTheDocument();
    expect(fake.calls.find((c) => c.name === 'Attributes.Update')?.args[0]).toBe('order_id');
  });

  it('shows an empty state when there are no custom attributes', async () => {
    attrs = attrs.filter((a) => a.builtIn);
    renderPage();
    expect(await screen.findByRole('heading', { level: 2, name: 'Remember what customers tell you' })).toBeInTheDocument();
  });
});
