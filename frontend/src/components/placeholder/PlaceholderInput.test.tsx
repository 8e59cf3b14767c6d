import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installFakeBackend, removeFakeBackend, type FakeBackend } from '../../test/fakeBackend';
import { PlaceholderInput } from './PlaceholderInput';
import type { AttributeOption } from './placeholders';

const attributes: AttributeOption[] = [
  { name: 'contact.name', type: 'text', description: "The customer's name.", builtIn: true },
  { name: 'order_id', type: 'text', description: 'Order number', builtIn: false },
  { name: 'order_total', type: 'number', description: '', builtIn: false },
];

function Harness({ initial = '', secret = false }: { initial?: string; secret?: boolean }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <PlaceholderInput
        aria-label="URL"
        value={value}
        onChange={setValue}
        attributes={attributes}
        secret={secret}
        mono
      />
      <output data-testid="value">{value}</output>
    </>
  );
}

let backend: FakeBackend;
beforeEach(() => {
  backend = installFakeBackend({
    Attributes: {
      List: () => Promise.resolve(attributes),
      Create: (def) => Promise.resolve({ ...(def as object), usedBy: [], valueCount: 0 }),
    },
  });
});
afterEach(() => removeFakeBackend());

describe('PlaceholderInput', () => {
  it('never opens on the slashes of a URL; "{{" opens it inside a path', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByRole('combobox', { name: 'URL' });
    for (const ch of 'https://shop.test/orders/') {
      await user.type(input, ch === '/' ? '/' : ch);
      expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    }
    await user.type(input, '{{{{ord');
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['order_idTextOrder number', 'order_totalNumber', 'Create attribute “ord”']);
    expect(input).toHaveAttribute('aria-activedescendant', options[0]?.id);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.getByTestId('value')).toHaveTextContent(/^https:\/\/shop\.test\/orders\/\{\{order_total\}\}$/);
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect((input as HTMLInputElement).selectionStart).toBe('https://shop.test/orders/{{order_total}}'.length);
  });

  it('offers to create a name nothing matches, and inserts it once created', async () => {
    const user = userEvent.setup();
    render(<Harness initial="Hi" />);
    await user.click(screen.getByRole('combobox', { name: 'URL' }));
    await user.keyboard('{End} /cake_or');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Create attribute “cake_or”']);
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'New attribute' });
    expect(within(dialog).getByLabelText('Name')).toHaveValue('cake_or');
    await user.selectOptions(within(dialog).getByLabelText('Type'), 'Yes / no');
    await user.click(within(dialog).getByRole('button', { name: 'Create attribute' }));
    await waitFor(() => expect(screen.getByTestId('value')).toHaveTextContent(/^Hi \{\{cake_or\}\}$/));
    const created = backend.calls.find((c) => c.name === 'Attributes.Create');
    expect(created?.args[0]).toMatchObject({ name: 'cake_or', type: 'boolean' });
  });

  it('leaves the typed text when the create dialog is cancelled or Escape closes the list', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByRole('combobox', { name: 'URL' });
    await user.type(input, '/cake_or{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByTestId('value')).toHaveTextContent(/^\/cake_or$/);
    await user.type(input, ' /cake');
    expect(screen.getByRole('option', { name: 'Create attribute “cake”' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(screen.getByTestId('value')).toHaveTextContent(/^\/cake_or \/cake$/);
    expect(backend.calls.some((c) => c.name === 'Attributes.Create')).toBe(false);
  });

  it('closes on a query no name can have, keeping the text', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByRole('combobox', { name: 'URL' });
    await user.type(input, 'a /9');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(screen.getByTestId('value')).toHaveTextContent('a /9');
  });

  it('replaces the "/" that opened the picker in ordinary fields', async () => {
    const user = userEvent.setup();
    render(<Harness initial="Bearer " />);
    await user.click(screen.getByRole('combobox', { name: 'URL' }));
    await user.keyboard('{End}/order_i{Tab}');
    expect(screen.getByTestId('value')).toHaveTextContent(/^Bearer \{\{order_id\}\}$/);
  });

  it('inserts with a click and offers built-ins', async () => {
    const user = userEvent.setup();
    render(<Harness initial="Hi " />);
    const input = screen.getByRole('combobox', { name: 'URL' });
    await user.click(input);
    await user.keyboard('{End}/con');
    await user.pointer({ keys: '[MouseLeft>]', target: screen.getByRole('option', { name: /contact\.name/ }) });
    expect(screen.getByTestId('value')).toHaveTextContent('Hi {{contact.name}}');
  });

  it('highlights known placeholders and marks unknown ones', () => {
    const { container } = render(<Harness initial="/o/{{order_id}}/{{nope}}" />);
    const marks = container.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['{{order_id}}', '{{nope}}']);
    expect(marks[0]?.className).not.toContain('unknown');
    expect(marks[1]?.className).toContain('unknown');
  });

  it('masks secrets until revealed', async () => {
    const user = userEvent.setup();
    render(<Harness initial="s3cret" secret />);
    const field = screen.getByLabelText('URL');
    expect(field).toHaveAttribute('type', 'password');
    await user.click(screen.getByRole('button', { name: 'Show value' }));
    expect(field).toHaveAttribute('type', 'text');
    expect(screen.getByRole('button', { name: 'Hide value' })).toHaveAttribute('aria-pressed', 'true');
  });
});
