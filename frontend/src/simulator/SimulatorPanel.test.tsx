import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installFakeBackend, removeFakeBackend, type FakeBackend } from '../test/fakeBackend';
import { useSimHighlight } from './highlight';
import { SimulatorPanel } from './SimulatorPanel';
import { simulatorStore } from './store';

const idle = { replies: [], state: 'idle', nodeId: '', visited: [], attributes: {}, calls: [], errors: [], notice: '' };

/** Answers like the Go Simulator for a flow: start -> buttons menu -> list -> end. */
function turnFor(text: string, replyId: string) {
  if (replyId === '') {
    return {
      ...idle,
      state: 'wait',
      nodeId: 'menu',
      visited: ['start', 'menu'],
      replies: [
        {
          type: 'buttons',
          text: 'Hi! How can we *help*?',
          buttons: [
            { id: 'b1', title: 'Topics' },
            { id: 'b2', title: 'Bye' },
          ],
        },
      ],
    };
  }
  if (replyId === 'b1') {
    return {
      ...idle,
      state: 'wait',
      nodeId: 'topics',
      visited: ['topics'],
      attributes: { choice: 'Topics' },
      replies: [{ type: 'list', text: 'Pick one', button: 'Open menu', rows: [{ id: 'r1', title: 'Returns', description: '30 days' }] }],
    };
  }
  return {
    ...idle,
    state: 'end',
    visited: ['end'],
    attributes: { choice: 'Topics' },
    replies: [{ type: 'text', text: `You chose ${text}.` }],
  };
}

describe('SimulatorPanel', () => {
  let backend: FakeBackend;

  beforeEach(() => {
    backend = installFakeBackend({
      Simulator: {
        Start: () => Promise.resolve({ id: 'sim1', turn: idle }),
        Send: (_id: unknown, text: unknown, replyId: unknown) => Promise.resolve(turnFor(String(text), String(replyId))),
        Restart: () => Promise.resolve(idle),
        Stop: () => Promise.resolve(undefined),
      },
    });
  });

  afterEach(async () => {
    await simulatorStore.getState().stop();
    removeFakeBackend();
  });

  it('chats: text, tappable buttons, a list menu, and the end', async () => {
    let prepared = 0;
    render(
      <SimulatorPanel
        flowId={9}
        flowName="Support"
        prepare={() => {
          prepared++;
          return Promise.resolve(true);
        }}
      />,
    );
    const input = await screen.findByRole('textbox', { name: 'Message as the customer' });
    await screen.findByPlaceholderText('Type a message');
    fireEvent.change(input, { target: { value: 'hi' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);

    const bubble = await screen.findByText('help', { selector: 'strong' }, { timeout: 3000 });
    expect(bubble).toBeInTheDocument();
    expect(useSimHighlight.getState().current).toBe('menu');
    fireEvent.click(await screen.findByRole('button', { name: 'Topics' }));

    fireEvent.click(await screen.findByRole('button', { name: 'Open menu' }, { timeout: 3000 }));
    const sheet = screen.getByRole('dialog', { name: 'Open menu' });
    fireEvent.click(within(sheet).getByRole('button', { name: /Returns/ }));

    await screen.findByText('You chose Returns.', undefined, { timeout: 3000 });
    await screen.findByText(/The conversation ended/);
    // On a short window the session details start folded so the chat gets the height.
    const details = screen.getByRole('button', { name: /^Session/ });
    expect(details).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(details);
    expect(screen.getByTestId('sim-attributes')).toHaveTextContent('choice');
    const sends = backend.calls.filter((c) => c.name === 'Simulator.Send').map((c) => c.args.slice(1));
    expect(sends).toEqual([
      ['hi', ''],
      ['Topics', 'b1'],
      ['Returns', 'r1'],
    ]);
    expect(prepared).toBeGreaterThanOrEqual(3);
  });
});
