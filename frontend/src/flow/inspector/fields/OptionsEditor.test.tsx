import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Option } from '../../model';
import { OptionsEditor } from './OptionsEditor';

const three: Option[] = [
  { id: 'b1', title: 'Orders', description: '' },
  { id: 'b2', title: 'Returns', description: '' },
  { id: 'b4', title: 'Help', description: '' },
];

function setup(options: Option[], max = 3) {
  const onChange = vi.fn<(next: Option[], key?: string) => void>();
  render(<OptionsEditor kind="button" options={options} onChange={onChange} max={max} titleLimit={20} />);
  return onChange;
}

describe('OptionsEditor', () => {
  it('adds an option with a fresh id and refuses past the limit', () => {
    const onChange = setup(three.slice(0, 2));
    fireEvent.click(screen.getByRole('button', { name: 'Add button' }));
    expect(onChange).toHaveBeenCalledWith([...three.slice(0, 2), { id: 'b3', title: 'Button 3', description: '' }]);
  });

  it('disables adding at the limit', () => {
    setup(three);
    expect(screen.getByRole('button', { name: 'Add button' })).toBeDisabled();
  });

  it('reorders without changing ids, so edges stay on their option', () => {
    const onChange = setup(three);
    fireEvent.click(screen.getByRole('button', { name: 'Move button 3 up' }));
    expect(onChange.mock.calls[0]?.[0].map((o) => o.id)).toEqual(['b1', 'b4', 'b2']);
    expect(screen.getByRole('button', { name: 'Move button 1 up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move button 3 down' })).toBeDisabled();
  });

  it('removes an option and retitles one with a typing key', () => {
    const onChange = setup(three);
    fireEvent.click(screen.getByRole('button', { name: 'Remove button 2' }));
    expect(onChange.mock.calls[0]?.[0].map((o) => o.id)).toEqual(['b1', 'b4']);
    fireEvent.change(screen.getByRole('textbox', { name: 'Button 1 title' }), { target: { value: 'My orders' } });
    expect(onChange.mock.calls[1]).toEqual([[{ ...three[0], title: 'My orders' }, three[1], three[2]], 'b1:title']);
  });

  it('counts characters against WhatsApp’s limit and marks long titles', () => {
    setup([{ id: 'b1', title: 'A title that is far too long', description: '' }]);
    expect(screen.getByText('28/20')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Button 1 title' })).toHaveAttribute('aria-invalid', 'true');
  });
});
