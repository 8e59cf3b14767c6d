import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { JsonTree } from './JsonTree';
import type { PathSample } from './model';

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

describe('JsonTree mapping', () => {
  const text = '{"args":{"lang":"en"},"order":{"items":[{"name":"Tea","price":3}]}}';

  it('offers Map… on every leaf and list, by keyboard too, with the path in words', async () => {
    const user = userEvent.setup();
    const picked: PathSample[] = [];
    render(<JsonTree text={text} openDepth={4} onMap={(s) => picked.push(s)} />);
    const lang = screen.getByRole('button', { name: 'Map lang in args' });
    expect(lang).toHaveAttribute('title', expect.stringContaining('path args.lang'));
    expect(screen.getByRole('button', { name: 'Map items in order' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Map price of item 1 in order' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Map order$/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Map name of item 1 in order' }));
    expect(picked).toEqual([{ path: 'order.items.0.name', sample: 'Tea', type: 'string' }]);

    screen.getByRole('button', { name: /^args/ }).focus();
    await user.tab();
    expect(lang).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(picked[1]).toEqual({ path: 'args.lang', sample: 'en', type: 'string' });
    await user.click(screen.getByRole('button', { name: 'Map items in order' }));
    expect(picked[2]).toMatchObject({ path: 'order.items', type: 'array', items: 1 });
  });

  it('shows the attribute a value is mapped to, also for a mapping of every item', () => {
    render(
      <JsonTree
        text={text}
        openDepth={4}
        mappings={[
          { path: 'args.lang', attribute: 'language' },
          { path: 'order.items.#.name', attribute: 'item_names' },
          { path: 'order.items.#', attribute: 'item_count' },
        ]}
      />,
    );
    const badges = screen.getAllByTestId('tree-mapped').map((el) => el.textContent);
    expect(badges).toEqual(['language', 'item_names']);
    expect(screen.queryByRole('button', { name: /^Map/ })).not.toBeInTheDocument();
  });
});
