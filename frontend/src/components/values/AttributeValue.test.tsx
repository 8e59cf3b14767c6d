import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AttributeValue } from './AttributeValue';
import { parseStructured } from './structured';

const slots = JSON.stringify(
  Array.from({ length: 23 }, (_, i) => ({ id: `s${i + 1}`, time: `${9 + Math.floor(i / 2)}:${i % 2 === 0 ? '00' : '30'}`, free: i % 3 !== 0 })),
);

describe('parseStructured', () => {
  it('reads lists of objects or values and objects, and nothing else', () => {
    expect(parseStructured('[{"id":"a","n":1},{"id":"b","x":null}]')).toEqual({
      kind: 'list',
      items: [
        { text: '{"id":"a","n":1}', fields: { id: 'a', n: '1' } },
        { text: '{"id":"b","x":null}', fields: { id: 'b', x: '' } },
      ],
      columns: ['id', 'n', 'x'],
    });
    expect(parseStructured('["red", 2, true]')).toEqual({ kind: 'list', items: [{ text: 'red' }, { text: '2' }, { text: 'true' }], columns: [] });
    expect(parseStructured('{"price":20,"tags":["a"]}')).toEqual({ kind: 'object', fields: [['price', '20'], ['tags', '["a"]']] });
    expect(parseStructured('hello')).toBeNull();
    expect(parseStructured('[broken')).toBeNull();
    expect(parseStructured('42')).toBeNull();
  });
});

describe('AttributeValue', () => {
  it('shows text as it is', () => {
    render(<AttributeValue value="A1001" />);
    expect(screen.getByText('A1001')).toBeInTheDocument();
  });

  it('shows a list as its count and opens into a table of the first items', async () => {
    render(<AttributeValue value={slots} type="list" />);
    const summary = screen.getByText('23 items');
    await userEvent.click(summary);
    const table = screen.getByRole('table');
    expect(table).toHaveTextContent('id');
    expect(screen.getAllByRole('row')).toHaveLength(21); // the header and 20 items
    expect(screen.getByText('s20')).toBeInTheDocument();
    expect(screen.queryByText('s21')).toBeNull();
    expect(screen.getByText('…and 3 more')).toBeInTheDocument();
  });

  it('shows an empty list and an object item', () => {
    const { unmount } = render(<AttributeValue value="[]" type="list" />);
    expect(screen.getByText('empty list')).toBeInTheDocument();
    unmount();
    render(<AttributeValue value='{"id":"s12","time":"15:30"}' />);
    expect(screen.getByText('s12')).toBeInTheDocument();
    expect(screen.getByText('time')).toBeInTheDocument();
  });
});
