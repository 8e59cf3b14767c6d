import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CallRow } from './CallRow';
import type { LoggedCall } from './simulatorStore';

const call = {
  api: 'Order status',
  status: 200,
  route: '200',
  error: '',
  durationMs: 12,
  mapped: { order_status: 'shipped' },
  method: 'GET',
  url: 'https://shop.example/orders/A17?key=••••',
  requestHeaders: [{ key: 'Authorization', value: 'Bearer ••••' }],
  requestBody: '',
  responseBody: '{"order":{"status":"shipped"}}',
  responseTruncated: false,
} as unknown as LoggedCall;

describe('CallRow', () => {
  it('opens the request with masked secrets, the response and the mapped values', async () => {
    render(
      <ol>
        <CallRow call={call} />
      </ol>,
    );
    const head = screen.getByRole('button', { name: /Order status/ });
    expect(head).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByText('order_status')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Request' })).toBeNull();
    await userEvent.click(head);
    const request = screen.getByRole('region', { name: 'Request' });
    expect(request).toHaveTextContent('GET https://shop.example/orders/A17?key=••••');
    expect(within(request).getByText('Bearer ••••')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Response' })).toHaveTextContent('"status": "shipped"');
    expect(within(screen.getByRole('region', { name: 'Mapped values' })).getByText('shipped')).toBeInTheDocument();
  });

  it('says when nothing was sent', async () => {
    render(
      <ol>
        <CallRow call={{ ...call, status: 0, error: 'The API "Gone" does not exist.', method: '', url: '', responseBody: '', mapped: {} }} />
      </ol>,
    );
    expect(screen.getByText('The API "Gone" does not exist.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /failed/ }));
    expect(screen.getByText('Nothing was sent.')).toBeInTheDocument();
    expect(screen.getByText('No answer.')).toBeInTheDocument();
  });
});
