import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installFakeBackend, removeFakeBackend } from '../../../test/fakeBackend';
import { renderInspector } from '../../../test/inspectorHarness';
import { defaultsOf } from '../catalogue';
import { ButtonsInspector } from './ButtonsInspector';

const attributes = [
  { name: 'slots', type: 'list', description: 'Free times', builtIn: false },
  { name: 'chosen', type: 'text', description: '', builtIn: false },
];

beforeEach(() => {
  installFakeBackend({
    Attributes: { List: () => Promise.resolve(attributes) },
    Flows: { PreviewRows: () => Promise.resolve({ api: '', items: 0, pages: [], note: '' }) },
  });
});
afterEach(() => removeFakeBackend());

describe('ButtonsInspector', () => {
  it('writes buttons here, saves the choice, and switches to buttons from a list and back', async () => {
    const user = userEvent.setup();
    const { data } = renderInspector('buttons', ButtonsInspector);
    expect(screen.getByRole('radio', { name: 'Written here' })).toBeChecked();
    const before = defaultsOf('buttons').buttons.length;
    await user.click(screen.getByRole('button', { name: 'Add button' }));
    expect(data().buttons).toHaveLength(before + 1);
    const save = screen.getByRole('combobox', { name: /^Save the choice in/ });
    expect(screen.getByText('Optional: stores the title of the tapped button.')).toBeInTheDocument();
    await waitFor(() => expect(within(save).getByRole('option', { name: /chosen/ })).toBeInTheDocument());
    await user.selectOptions(save, within(save).getByRole('option', { name: /chosen/ }));
    expect(data().attribute).toBe('chosen');

    await user.click(screen.getByRole('radio', { name: 'From a list' }));
    const list = screen.getByRole('combobox', { name: /^List/ });
    await waitFor(() => expect(within(list).getByRole('option', { name: 'slots' })).toBeInTheDocument());
    await user.selectOptions(list, 'slots');
    expect(data().rowsFrom).toBe('slots');
    await user.click(screen.getByRole('radio', { name: 'Written here' }));
    expect(data().rowsFrom).toBe('');
    expect(screen.getByRole('button', { name: 'Add button' })).toBeInTheDocument();
  });
});
