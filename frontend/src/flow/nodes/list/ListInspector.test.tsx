import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installFakeBackend, removeFakeBackend, type FakeBackend } from '../../../test/fakeBackend';
import { renderInspector } from '../../../test/inspectorHarness';
import { ListInspector } from './ListInspector';

const attributes = [
  { name: 'slots', type: 'list', description: 'Free times', builtIn: false },
  { name: 'chosen', type: 'text', description: '', builtIn: false },
  { name: 'contact.name', type: 'text', description: '', builtIn: true },
];

const row = (n: number) => ({ id: `s${n}`, title: `${7 + n}:00`, description: `Room ${n}` });
const preview = {
  api: 'Slots',
  items: 14,
  pages: [[...Array.from({ length: 9 }, (_, i) => row(i + 1)), { id: 'more', title: 'More…', description: '' }], [10, 11, 12, 13, 14].map(row)],
  note: '',
};

let fake: FakeBackend;
beforeEach(() => {
  fake = installFakeBackend({
    Attributes: { List: () => Promise.resolve(attributes) },
    Flows: { PreviewRows: () => Promise.resolve(preview) },
  });
});
afterEach(() => removeFakeBackend());

describe('ListInspector with rows from a list', () => {
  it('switches to a list attribute, offers only lists, and back to written rows', async () => {
    const user = userEvent.setup();
    const { data } = renderInspector('list', ListInspector, {}, 'pick');
    expect(screen.getByRole('radio', { name: 'Written here' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'From a list' }));
    const list = screen.getByRole('combobox', { name: /^List/ });
    await waitFor(() => expect(within(list).getByRole('option', { name: 'slots' })).toBeInTheDocument());
    expect(within(list).queryByRole('option', { name: 'chosen' })).toBeNull();
    await user.selectOptions(list, 'slots');
    expect(data().rowsFrom).toBe('slots');
    await user.click(screen.getByRole('radio', { name: 'Written here' }));
    expect(data().rowsFrom).toBe('');
    expect(screen.getByRole('button', { name: 'Add row' })).toBeInTheDocument();
  });

  it('previews the rendered rows page by page from the backend', async () => {
    const user = userEvent.setup();
    renderInspector('list', ListInspector, { rowsFrom: 'slots', rowTitle: '{{item.time}}', rowId: '{{item.id}}' }, 'pick');
    const panel = await screen.findByTestId('rows-preview');
    await within(panel).findByText('Message 1 of 2');
    expect(within(panel).getByText('More…')).toBeInTheDocument();
    expect(within(panel).getByText(/From the saved sample of/)).toHaveTextContent('From the saved sample of Slots: 14 items, 2 messages.');
    await user.click(within(panel).getByRole('button', { name: 'Next message' }));
    expect(within(panel).getByText('19:00')).toBeInTheDocument();
    const call = fake.calls.find((c) => c.name === 'Flows.PreviewRows');
    expect(call?.args[0]).toMatchObject({ id: 'pick', type: 'list', data: { rowsFrom: 'slots', rowTitle: '{{item.time}}' } });
  });

  it('says why there is nothing to preview', async () => {
    fake = installFakeBackend({
      Attributes: { List: () => Promise.resolve(attributes) },
      Flows: { PreviewRows: () => Promise.resolve({ api: '', items: 0, pages: [], note: 'No saved API maps a list into slots yet.' }) },
    });
    renderInspector('list', ListInspector, { rowsFrom: 'slots', rowTitle: '{{item.time}}' }, 'pick');
    await act(async () => {});
    expect(await screen.findByText('No saved API maps a list into slots yet.')).toBeInTheDocument();
  });
});
