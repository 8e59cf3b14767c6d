import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { BotBubble } from './ChatBubble';
import type { SimReply } from './types';

const template: SimReply = {
  type: 'template',
  text: 'Hi Ana, your order A1001 has shipped.',
  buttons: [],
  button: '',
  rows: [],
  mediaUrl: '',
  mediaType: '',
  mediaFile: '',
  filename: '',
  delayMs: 0,
  template: { name: 'order_shipped', language: 'en_US', header: 'Order update', footer: 'Shop Example', quickReplies: ['Track it', 'Stop updates'] },
};

describe('BotBubble', () => {
  it('draws a template with its header, footer and quick replies, and a tap answers with the reply', async () => {
    const onChoose = vi.fn();
    render(<BotBubble reply={template} interactive onChoose={onChoose} onOpenList={() => undefined} />);
    expect(screen.getByTestId('sim-template')).toHaveTextContent('Template order_shipped (en_US)');
    expect(screen.getByText('Order update')).toBeInTheDocument();
    expect(screen.getByText('Shop Example')).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Stop updates' }));
    expect(onChoose).toHaveBeenCalledWith({ id: 'Stop updates', title: 'Stop updates', description: '' });
  });
});
