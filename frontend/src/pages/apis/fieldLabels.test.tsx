import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installFakeBackend, removeFakeBackend } from '../../test/fakeBackend';
import { SettingsEditor } from './SettingsEditor';
import { TestValues } from './TestValues';

beforeEach(() => {
  installFakeBackend();
});
afterEach(() => removeFakeBackend());

describe('labels of the API editor fields', () => {
  it('names each test value input after its placeholder', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(<TestValues names={['order_id', 'contact.name']} values={{ order_id: 'A-7' }} onChange={onChange} />);
    expect(screen.getByLabelText('Test value for {{order_id}}')).toHaveValue('A-7');
    await user.type(screen.getByLabelText('Test value for {{contact.name}}'), 'J');
    expect(onChange).toHaveBeenCalledWith('contact.name', 'J');
  });

  it('labels the timeout input', () => {
    const onChange = vi.fn();
    render(
      <SettingsEditor timeoutMs={10000} followRedirects={false} method="GET" retry={undefined} onChange={onChange} onRetryChange={vi.fn()} />,
    );
    const timeout = screen.getByLabelText('Timeout (seconds)');
    expect(timeout).toHaveValue(10);
    fireEvent.change(timeout, { target: { value: '5' } });
    expect(onChange).toHaveBeenLastCalledWith(5000, false);
  });
});
