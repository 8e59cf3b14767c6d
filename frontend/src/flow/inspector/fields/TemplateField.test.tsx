import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installFakeBackend, removeFakeBackend } from '../../../test/fakeBackend';
import { TemplateField } from './TemplateField';

const attributes = [
  { name: 'order_eta', type: 'date', description: 'Delivery date', builtIn: false },
  { name: 'orders', type: 'list', description: 'Open orders', builtIn: false },
];

function Harness() {
  const [value, setValue] = useState('');
  return (
    <>
      <TemplateField label="Text" value={value} onChange={setValue} />
      <output data-testid="value">{value}</output>
    </>
  );
}

beforeEach(() => {
  installFakeBackend({ Attributes: { List: () => Promise.resolve(attributes) } });
});
afterEach(() => removeFakeBackend());

describe('TemplateField', () => {
  it('offers a date format and a loop in the / picker', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const area = screen.getByRole('textbox', { name: /^Text/ });
    await user.type(area, 'Due /order_');
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'order_etaDateDelivery date',
      '{{order_eta | date}}formatAs a date, such as 2 May 2026.',
      'Create attribute “order_”',
    ]);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.getByTestId('value').textContent).toBe('Due {{order_eta | date}}');

    await user.clear(area);
    await user.type(area, '/orders');
    const loop = (await screen.findAllByRole('option')).find((o) => o.textContent?.startsWith('{{#each'));
    expect(loop).toBeDefined();
    await user.click(loop!);
    expect(screen.getByTestId('value').textContent).toBe('{{#each orders}}\n• {{item}}\n{{/each}}');
  });
});
