import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfirmHost, Toaster } from '../../components/ui';
import type { app } from '../../lib/backend';
import { installFakeBackend, removeFakeBackend, type FakeBackend } from '../../test/fakeBackend';
import { TriggersSection } from './TriggersSection';

let fake: FakeBackend;
let triggers: app.TriggerView[];

const view = (name: string, extra: Partial<app.TriggerView> = {}): app.TriggerView =>
  ({
    name,
    flow: 'Shipped',
    template: '',
    language: '',
    parameters: [],
    headerMediaUrl: '',
    tokenHint: 'cft_ab12',
    createdAt: '2026-01-02T03:04:05Z',
    lastUsedAt: '',
    uses: 0,
    problem: '',
    ...extra,
  });

beforeEach(() => {
  triggers = [view('order-paid', { flow: '', problem: 'Its flow was deleted; requests are refused until it is removed and added again.' })];
  fake = installFakeBackend({
    Triggers: {
      List: () => Promise.resolve(triggers),
      Add: (input: unknown) => {
        const i = input as app.TriggerInput;
        if (i.name === 'order-paid') return Promise.reject(new Error('A trigger named "order-paid" exists already.'));
        triggers = [...triggers, view(i.name, { flow: i.flow })];
        return Promise.resolve({ trigger: view(i.name, { flow: i.flow }), token: 'cft_secret-token-shown-once' });
      },
      Remove: (name: unknown) => {
        triggers = triggers.filter((t) => t.name !== name);
        return Promise.resolve(undefined);
      },
    },
    Flows: { List: () => Promise.resolve([{ id: 1, name: 'Shipped', published: false, valid: true, problems: 0, version: 1 }]) },
    Templates: { List: () => Promise.resolve({ templates: [], syncedAt: '', missing: '' }) },
  });
});
afterEach(() => removeFakeBackend());

describe('TriggersSection', () => {
  it('lists triggers, adds one showing its token once, and removes one', async () => {
    const user = userEvent.setup();
    render(
      <>
        <TriggersSection />
        <ConfirmHost />
        <Toaster />
      </>,
    );
    expect(await screen.findByText('order-paid')).toBeInTheDocument();
    expect(screen.getByText(/requests are refused until it is removed/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add trigger' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a trigger' });
    await user.type(within(dialog).getByLabelText(/Name/), 'order-paid');
    await waitFor(() => expect(within(dialog).getByRole('option', { name: 'Shipped' })).toBeInTheDocument());
    await user.selectOptions(within(dialog).getByLabelText('Flow'), 'Shipped');
    await user.click(within(dialog).getByRole('button', { name: 'Add trigger' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('exists already');

    await user.clear(within(dialog).getByLabelText(/Name/));
    await user.type(within(dialog).getByLabelText(/Name/), 'order-shipped');
    await user.click(within(dialog).getByRole('button', { name: 'Add trigger' }));
    const shown = await screen.findByRole('dialog', { name: 'Trigger order-shipped added' });
    expect(within(shown).getByText('cft_secret-token-shown-once')).toBeInTheDocument();
    expect(within(shown).getByTestId('trigger-curl')).toHaveTextContent('/notify/order-shipped');
    expect(fake.calls.find((c) => c.name === 'Triggers.Add' && (c.args[0] as app.TriggerInput).name === 'order-shipped')?.args[0]).toMatchObject({
      flow: 'Shipped',
      template: '',
    });
    await user.click(within(shown).getByRole('button', { name: 'Done' }));
    expect(await screen.findByText('order-shipped')).toBeInTheDocument();
    expect(screen.queryByText('cft_secret-token-shown-once')).not.toBeInTheDocument();

    await user.click(screen.getAllByRole('button', { name: 'Remove' })[0]);
    await user.click(within(await screen.findByRole('dialog', { name: /Remove the trigger order-paid/ })).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByText('order-paid')).not.toBeInTheDocument());
  });
});
