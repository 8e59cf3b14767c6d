import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installFakeBackend, removeFakeBackend } from '../../test/fakeBackend';
import { PlaceholderInput } from './PlaceholderInput';
import type { AttributeOption } from './placeholders';

const attributes: AttributeOption[] = [
  { name: 'contact.name', type: 'text', description: "The customer's name.", builtIn: true },
  { name: 'order_id', type: 'text', description: 'Order number', builtIn: false },
  { name: 'order_total', type: 'number', description: '', builtIn: false },
];

function Harness({ initial = '', secret = false, keepSlash = false }: { initial?: string; secret?: boolean; keepSlash?: boolean }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <PlaceholderInput
        aria-label="URL"
        value={value}
        onChange={setValue}
        attributes={attributes}
        secret={secret}
        keepSlash={keepSlash}
        mono
      />
      <output data-testid="value">{value}</output>
    </>
  );
}

beforeEach(() => {
  installFakeBackend({ Attributes: { List: () => Promise.resolve(attributes) } });
});
afterEach(() => removeFakeBackend());

describe('PlaceholderInput', () => {
  it('opens the picker on "/" and inserts the chosen attribute with Enter, keeping a URL slash', async () => {
    const user = userEvent.setup();
    render(<Harness keepSlash />);
    const input = screen.getByRole('combobox', { name: 'URL' });
    await user.type(input, 'https://shop.test/orders/');
    // The slashes of the URL opened and closed the picker on their own.
    expect(screen.getByRole('listbox', { name: 'Attributes' })).toBeInTheDocument();
    await user.type(input, 'ord');
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['order_idtextOrder number', 'order_totalnumber']);
    expect(input).toHaveAttribute('aria-activedescendant', options[0]?.id);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.getByTestId('value')).toHaveTextContent('https://shop.test/orders/{{order_total}}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect((input as HTMLInputElement).selectionStart).toBe('https://shop.test/orders/{{order_total}}'.length);
  });

  it('closes when nothing matches and keeps the typed text; Escape closes too', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByRole('combobox', { name: 'URL' });
    await user.type(input, 'a/zz');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(screen.getByTestId('value')).toHaveTextContent('a/zz');
    await user.type(input, ' /');
    expect(screen.getByRole('listbox')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(screen.getByTestId('value')).toHaveTextContent('a/zz /');
  });

  it('does not double a URL slash when a value after one is replaced', async () => {
    const user = userEvent.setup();
    render(<Harness initial="https://x.test/orders/A-1001" keepSlash />);
    await user.click(screen.getByRole('combobox', { name: 'URL' }));
    await user.keyboard('{End}{Backspace>6/}/ord{Enter}');
    expect(screen.getByTestId('value')).toHaveTextContent(/^https:\/\/x\.test\/orders\/\{\{order_id\}\}$/);
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
