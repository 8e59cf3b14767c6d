import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installFakeBackend, removeFakeBackend } from '../../../test/fakeBackend';
import type { ButtonsData, FlowNodeOf } from '../../model';
import { defaultsOf } from '../catalogue';
import { ButtonsInspector } from './ButtonsInspector';

const attributes = [
  { name: 'slots', type: 'list', description: 'Free times', builtIn: false },
  { name: 'chosen', type: 'text', description: '', builtIn: false },
];

let last: ButtonsData;

function Harness() {
  const [data, setData] = useState<ButtonsData>(defaultsOf('buttons'));
  const node = { id: 'ask', type: 'buttons', position: { x: 0, y: 0 }, data } as FlowNodeOf<'buttons'>;
  return (
    <ButtonsInspector
      node={node}
      problems={[]}
      update={(patch) =>
        setData((d) => {
          last = { ...d, ...patch };
          return last;
        })
      }
    />
  );
}

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
    render(<Harness />);
    expect(screen.getByRole('radio', { name: 'Written here' })).toBeChecked();
    const before = defaultsOf('buttons').buttons.length;
    await user.click(screen.getByRole('button', { name: 'Add button' }));
    expect(last.buttons).toHaveLength(before + 1);
    const save = screen.getByRole('combobox', { name: /^Save the choice in/ });
    expect(screen.getByText('Optional: stores the title of the tapped button.')).toBeInTheDocument();
    await waitFor(() => expect(within(save).getByRole('option', { name: /chosen/ })).toBeInTheDocument());
    await user.selectOptions(save, within(save).getByRole('option', { name: /chosen/ }));
    expect(last.attribute).toBe('chosen');

    await user.click(screen.getByRole('radio', { name: 'From a list' }));
    const list = screen.getByRole('combobox', { name: /^List/ });
    await waitFor(() => expect(within(list).getByRole('option', { name: 'slots' })).toBeInTheDocument());
    await user.selectOptions(list, 'slots');
    expect(last.rowsFrom).toBe('slots');
    await user.click(screen.getByRole('radio', { name: 'Written here' }));
    expect(last.rowsFrom).toBe('');
    expect(screen.getByRole('button', { name: 'Add button' })).toBeInTheDocument();
  });
});
