import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Button } from './Button';
import { Checkbox } from './Checkbox';
import { IconButton } from './IconButton';
import { Select } from './Select';
import { Switch } from './Switch';
import { TextArea, TextField } from './TextField';

describe('Button', () => {
  it('is a non-submitting button that runs its action', async () => {
    const onClick = vi.fn();
    render(<Button onClick={onClick}>Save</Button>);
    const b = screen.getByRole('button', { name: 'Save' });
    expect(b).toHaveAttribute('type', 'button');
    await userEvent.click(b);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('is disabled and busy while loading', async () => {
    const onClick = vi.fn();
    render(
      <Button loading onClick={onClick}>
        Save
      </Button>,
    );
    const b = screen.getByRole('button', { name: 'Save' });
    expect(b).toBeDisabled();
    expect(b).toHaveAttribute('aria-busy', 'true');
    await userEvent.click(b);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('IconButton has its label as name and tooltip', () => {
    render(<IconButton label="Delete row" icon={<span>x</span>} />);
    const b = screen.getByRole('button', { name: 'Delete row' });
    expect(b).toHaveAttribute('title', 'Delete row');
  });
});

describe('TextField and TextArea', () => {
  it('links label, hint and error', () => {
    const { rerender } = render(<TextField label="Name" hint="Shown to customers." defaultValue="" />);
    const input = screen.getByRole('textbox', { name: 'Name' });
    expect(input).toHaveAccessibleDescription('Shown to customers.');
    expect(input).not.toHaveAttribute('aria-invalid');
    rerender(<TextField label="Name" hint="Shown to customers." error="A name is required." defaultValue="" />);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('A name is required.');
    expect(screen.getByRole('alert')).toHaveTextContent('A name is required.');
  });

  it('TextArea takes typed text', async () => {
    const onChange = vi.fn();
    render(<TextArea label="Body" onChange={(e) => {
          onChange(e.target.value);
        }} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Body' }), '{{"a":1}');
    expect(onChange).toHaveBeenLastCalledWith('{"a":1}');
  });
});

describe('Select', () => {
  it('reports the chosen value', async () => {
    const onChange = vi.fn();
    render(
      <Select
        label="Type"
        value="text"
        onChange={onChange}
        options={[
          { value: 'text', label: 'Text' },
          { value: 'number', label: 'Number' },
          { value: 'date', label: 'Date', disabled: true },
        ]}
      />,
    );
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'number');
    expect(onChange).toHaveBeenCalledWith('number');
    expect(screen.getByRole('option', { name: 'Date' })).toBeDisabled();
  });
});

describe('Switch and Checkbox', () => {
  function SwitchHarness() {
    const [on, setOn] = useState(false);
    return <Switch checked={on} onChange={setOn} label="Published" description="Answers live messages." />;
  }

  it('Switch toggles by click, label and keyboard', async () => {
    const user = userEvent.setup();
    render(<SwitchHarness />);
    const sw = screen.getByRole('switch', { name: 'Published' });
    expect(sw).toHaveAccessibleDescription('Answers live messages.');
    expect(sw).toHaveAttribute('aria-checked', 'false');
    await user.click(sw);
    expect(sw).toHaveAttribute('aria-checked', 'true');
    await user.click(screen.getByText('Published'));
    expect(sw).toHaveAttribute('aria-checked', 'false');
    sw.focus();
    await user.keyboard(' ');
    expect(sw).toHaveAttribute('aria-checked', 'true');
  });

  it('Checkbox reports checked state', async () => {
    const onChange = vi.fn();
    render(<Checkbox label="Follow redirects" onChange={onChange} />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Follow redirects' }));
    expect(onChange).toHaveBeenCalledWith(true);
  });
});
