import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { JsonTree } from './JsonTree';

describe('JsonTree', () => {
  it('folds objects and arrays and colours values', async () => {
    const user = userEvent.setup();
    render(<JsonTree text='{"order":{"items":[{"name":"Tea"}],"paid":true,"note":null,"n":3}}' openDepth={2} />);
    const order = screen.getByRole('button', { name: /order/ });
    expect(order).toHaveAttribute('aria-expanded', 'true');
    const items = screen.getByRole('button', { name: /items/ });
    expect(items).toHaveAttribute('aria-expanded', 'false');
    expect(items).toHaveTextContent('1 item');
    await user.click(items);
    expect(items).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('button', { name: /^0/ }));
    expect(screen.getByText('"Tea"')).toBeInTheDocument();
    expect(screen.getByText('true')).toBeInTheDocument();
    expect(screen.getByText('null')).toBeInTheDocument();
    await user.click(order);
    expect(screen.queryByText('"Tea"')).not.toBeInTheDocument();
  });

  it('pages long arrays and shows text that is not JSON as is', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<JsonTree text={JSON.stringify(Array.from({ length: 250 }, (_, i) => i))} />);
    expect(screen.getByRole('button', { name: 'Show 100 more of 150' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show 100 more of 150' }));
    expect(screen.getByRole('button', { name: 'Show 50 more of 50' })).toBeInTheDocument();
    unmount();
    render(<JsonTree text="<html>oops" />);
    expect(screen.getByText('<html>oops')).toBeInTheDocument();
  });
});
