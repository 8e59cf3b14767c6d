import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Tabs, type TabItem } from './Tabs';

const items: TabItem[] = [
  { id: 'params', label: 'Params' },
  { id: 'headers', label: 'Headers', badge: 2 },
  { id: 'auth', label: 'Auth', disabled: true },
  { id: 'body', label: 'Body' },
];

function Harness() {
  const [tab, setTab] = useState('params');
  return (
    <Tabs items={items} value={tab} onChange={setTab} label="Request">
      <p>Panel of {tab}</p>
    </Tabs>
  );
}

describe('Tabs', () => {
  it('selects a tab by click and shows its panel', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(screen.getByRole('tablist', { name: 'Request' })).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: /Headers/ }));
    expect(screen.getByRole('tab', { name: /Headers/ })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveTextContent('Panel of headers');
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName(/Headers/);
  });

  it.each([
    { keys: '{ArrowRight}', want: 'headers' },
    { keys: '{ArrowRight}{ArrowRight}', want: 'body' },
    { keys: '{ArrowRight}{ArrowRight}{ArrowRight}', want: 'params' },
    { keys: '{ArrowLeft}', want: 'body' },
    { keys: '{End}', want: 'body' },
    { keys: '{End}{Home}', want: 'params' },
  ])('moves with $keys, skipping disabled tabs', async ({ keys, want }) => {
    const user = userEvent.setup();
    render(<Harness />);
    screen.getByRole('tab', { name: 'Params' }).focus();
    await user.keyboard(keys);
    expect(screen.getByRole('tabpanel')).toHaveTextContent(`Panel of ${want}`);
    expect(document.activeElement).toHaveAttribute('data-tab-id', want);
  });

  it('keeps only the selected tab in the Tab order', () => {
    render(<Harness />);
    const tabIndexes = screen.getAllByRole('tab').map((t) => t.getAttribute('tabindex'));
    expect(tabIndexes).toEqual(['0', '-1', '-1', '-1']);
  });
});
