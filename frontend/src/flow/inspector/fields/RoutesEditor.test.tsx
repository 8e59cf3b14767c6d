import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { routeProblem, validRoute } from './routes';
import { RoutesEditor } from './RoutesEditor';

describe('routes', () => {
  const cases: [string, boolean][] = [
    ['200', true],
    ['404', true],
    ['4xx', true],
    ['599', true],
    ['600', false],
    ['099', false],
    ['4XX', false],
    ['20', false],
    ['others', false],
  ];
  for (const [r, ok] of cases) {
    it(`validRoute(${r}) is ${ok}`, () => {
      expect(validRoute(r)).toBe(ok);
    });
  }
  it('explains why a route cannot be added', () => {
    expect(routeProblem('others', [])).toContain('always there');
    expect(routeProblem('200', ['200'])).toContain('already');
    expect(routeProblem('abc', [])).toContain('not a route');
    expect(routeProblem('', [])).toContain('Type a status code');
    expect(routeProblem('5xx', ['200'])).toBe('');
  });
});

describe('RoutesEditor', () => {
  it('adds a typed route (normalized), quick-adds and removes; others stays', () => {
    const onChange = vi.fn<(routes: string[]) => void>();
    render(<RoutesEditor routes={['200']} onChange={onChange} />);
    expect(screen.getByText('others')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: 'New route' }), { target: { value: ' 4XX ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(onChange).toHaveBeenLastCalledWith(['200', '4xx']);
    fireEvent.click(screen.getByRole('button', { name: '404' }));
    expect(onChange).toHaveBeenLastCalledWith(['200', '404']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove route 200' }));
    expect(onChange).toHaveBeenLastCalledWith([]);
  });

  it('shows why a route is refused and adds nothing', () => {
    const onChange = vi.fn<(routes: string[]) => void>();
    render(<RoutesEditor routes={['200']} onChange={onChange} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'New route' }), { target: { value: '200' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByRole('alert')).toHaveTextContent('200 is already a route.');
    expect(onChange).not.toHaveBeenCalled();
  });
});
