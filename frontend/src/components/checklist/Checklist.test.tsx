import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { app, type studio } from '../../lib/backend';
import { installFakeBackend, removeFakeBackend, type FakeBackend } from '../../test/fakeBackend';
import { Checklist, checklistHiddenKey } from './Checklist';

function step(id: string, title: string, done: boolean): studio.ChecklistStep {
  return { id, title, hint: `How to ${title.toLowerCase()}.`, done, href: id === 'whatsapp' ? '#/settings' : '#/flows' };
}

let state: app.Checklist;
let fake: FakeBackend;

function makeState(done: Record<string, boolean>, flows = 1): app.Checklist {
  const steps = [
    step('build', 'Build a flow', done.build ?? false),
    step('test', 'Test it in the simulator', done.test ?? false),
    step('whatsapp', 'Connect WhatsApp', done.whatsapp ?? false),
    step('publish', 'Publish a flow', done.publish ?? false),
  ];
  return app.Checklist.createFrom({ steps, flows, done: steps.every((s) => s.done) });
}

beforeEach(() => {
  window.localStorage.clear();
  state = makeState({ build: true });
  fake = installFakeBackend({ Data: { Checklist: () => Promise.resolve(state) } });
});
afterEach(() => removeFakeBackend());

function stepItem(id: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-step="${id}"]`);
  if (el === null) throw new Error(`no step ${id}`);
  return el;
}

describe('Checklist', () => {
  it('shows each step done or not from Data.Checklist', async () => {
    render(<Checklist />);
    expect(await screen.findByText('1 of 4 done')).toBeInTheDocument();
    expect(stepItem('build').dataset.done).toBe('true');
    expect(stepItem('test').dataset.done).toBe('false');
    expect(screen.getByText('How to test it in the simulator.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Connect WhatsApp\s*\(not done yet\)$/ })).toHaveAttribute('href', '#/settings');
  });

  it('refreshes when a simulated turn or a flow change is announced', async () => {
    render(<Checklist />);
    await screen.findByText('1 of 4 done');
    state = makeState({ build: true, test: true });
    fake.emit('simulator:turn', {});
    expect(await screen.findByText('2 of 4 done')).toBeInTheDocument();
    expect(stepItem('test').dataset.done).toBe('true');
    state = makeState({ build: true, test: true, publish: true });
    fake.emit('flows:changed', 3);
    expect(await screen.findByText('3 of 4 done')).toBeInTheDocument();
  });

  it('points "build" at the templates while there are no flows', async () => {
    state = makeState({}, 0);
    render(<Checklist />);
    expect(await screen.findByRole('link', { name: /^Build a flow\s*\(not done yet\)$/ })).toHaveAttribute('href', '#/welcome');
  });

  it('makes each step a link to where it is done', async () => {
    render(<Checklist />);
    const test = await screen.findByRole('link', { name: /^Test it in the simulator\s*\(not done yet\)$/ });
    expect(test).toHaveAttribute('href', '#/flows');
    expect(test).toHaveAccessibleDescription('How to test it in the simulator.');
    expect(screen.getByRole('link', { name: /^Build a flow\s*\(done\)$/ })).toHaveAccessibleDescription('Done');
    expect(screen.getByRole('link', { name: 'Templates' })).toHaveAttribute('href', '#/welcome');
  });

  it('shrinks to one line when every step is done, keeping the templates and the steps reachable', async () => {
    state = makeState({ build: true, test: true, whatsapp: true, publish: true });
    render(<Checklist />);
    expect(await screen.findByText(/All set/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start from a template' })).toHaveAttribute('href', '#/welcome');
    expect(screen.queryByRole('link', { name: /Connect WhatsApp/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Show the steps' }));
    expect(screen.getByText('4 of 4 done')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Connect WhatsApp\s*\(done\)$/ })).toHaveAttribute('href', '#/settings');
  });

  it('hides itself only when dismissed', async () => {
    state = makeState({});
    render(<Checklist />);
    await userEvent.click(await screen.findByRole('button', { name: 'Hide the checklist' }));
    expect(screen.queryByLabelText('Getting started')).toBeNull();
    expect(window.localStorage.getItem(checklistHiddenKey)).toBe('1');
  });

  it('unsubscribes when it unmounts', async () => {
    const { unmount } = render(<Checklist />);
    await screen.findByText('1 of 4 done');
    expect(fake.listenerCount('simulator:turn')).toBe(1);
    unmount();
    expect(fake.listenerCount('simulator:turn')).toBe(0);
  });
});
