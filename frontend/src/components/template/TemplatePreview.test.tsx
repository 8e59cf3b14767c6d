import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { WaTemplate } from './model';
import { TemplatePreview } from './TemplatePreview';

const shipped: WaTemplate = {
  id: '1',
  name: 'order_shipped',
  language: 'en_US',
  category: 'UTILITY',
  status: 'APPROVED',
  parameterFormat: 'positional',
  header: { format: 'image' },
  body: 'Hi *{{1}}*, your order {{2}} has shipped.',
  footer: 'Shop Example',
  buttons: [
    { type: 'quick_reply', text: 'Track it' },
    { type: 'url', text: 'Order details', url: 'https://shop.example/orders/{{1}}' },
    { type: 'phone_number', text: 'Call us', phone: '+15550783881' },
  ],
  examples: { 'body.1': 'Ana', 'body.2': 'A1001' },
};

describe('TemplatePreview', () => {
  it('draws header, body, footer and buttons, with open placeholders marked', () => {
    render(<TemplatePreview template={shipped} />);
    const preview = screen.getByTestId('template-preview');
    expect(within(preview).getByLabelText('image header')).toBeInTheDocument();
    expect(preview).toHaveTextContent('Hi {{1}}, your order {{2}} has shipped.');
    expect(preview.querySelector('strong mark')).toHaveTextContent('{{1}}');
    expect(within(preview).getByText('Shop Example')).toBeInTheDocument();
    const buttons = within(within(preview).getByRole('list', { name: 'Buttons' })).getAllByRole('listitem');
    expect(buttons.map((b) => b.textContent)).toEqual(['Track it', 'Order details', 'Call us']);
  });

  it('fills values and shows examples for the rest', () => {
    render(<TemplatePreview template={shipped} values={{ 'body.1': 'Bruno' }} examples headerMediaUrl="https://cdn.example/p.jpg" />);
    const preview = screen.getByTestId('template-preview');
    expect(preview).toHaveTextContent('Hi Bruno, your order A1001 has shipped.');
    expect(within(preview).getByText('A1001')).toHaveAttribute('title', 'Example: A1001');
    expect(preview).toHaveTextContent('https://cdn.example/p.jpg');
  });
});
