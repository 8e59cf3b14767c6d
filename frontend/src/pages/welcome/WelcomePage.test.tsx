import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Toaster } from '../../components/ui';
import { app } from '../../lib/backend';
import { installFakeBackend, removeFakeBackend, type FakeBackend } from '../../test/fakeBackend';
import { resetFirstRunCheck, showWelcomeIfEmpty } from './firstRun';
import { WelcomePage } from './WelcomePage';

const templates: app.Template[] = [
  { id: 'order-status', title: 'Order status', description: 'Looks up orders.', features: ['API call'] },
  { id: 'faq', title: 'FAQ', description: 'Answers questions.', features: ['List menu'] },
];

function checklist(flows: number): app.Checklist {
  return app.Checklist.createFrom({ flows, done: false, steps: [] });
}

let fake: FakeBackend;
let flowCount: number;

beforeEach(() => {
  flowCount = 0;
  resetFirstRunCheck();
  fake = installFakeBackend({
    Data: {
      Templates: () => Promise.resolve(templates),
      StartFromTemplate: (id: unknown) =>
        id === 'faq'
          ? Promise.reject(new Error('You already have an attribute "faq_topic" of type number.'))
          : Promise.resolve({ flowId: 7, flowName: 'Order status', notice: '' }),
      StartBlank: () => Promise.resolve({ flowId: 9, flowName: 'My first flow', notice: '' }),
      Checklist: () => Promise.resolve(checklist(flowCount)),
    },
  });
});
afterEach(() => removeFakeBackend());

describe('WelcomePage', () => {
  it('offers the templates and a blank flow, and opens the editor on the new flow', async () => {
    render(<WelcomePage />);
    expect(await screen.findByRole('heading', { name: 'Order status' })).toBeInTheDocument();
    expect(screen.getByText('List menu')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Use the Order status template' }));
    await waitFor(() => expect(window.location.hash).toBe('#/flows/7'));
    expect(fake.calls.map((c) => c.name)).toContain('Data.StartFromTemplate');
    expect(fake.calls.find((c) => c.name === 'Data.StartFromTemplate')?.args).toEqual(['order-status']);
  });

  it('starts a blank flow', async () => {
    render(<WelcomePage />);
    await userEvent.click(await screen.findByRole('button', { name: 'Start blank' }));
    await waitFor(() => expect(window.location.hash).toBe('#/flows/9'));
  });

  it('says why a template could not start and stays', async () => {
    render(
      <>
        <WelcomePage />
        <Toaster />
      </>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Use the FAQ template' }));
    expect(await screen.findByText(/already have an attribute "faq_topic"/)).toBeInTheDocument();
    expect(window.location.hash).toBe('');
    expect(screen.getByRole('button', { name: 'Use the FAQ template' })).toBeEnabled();
  });
});

describe('showWelcomeIfEmpty', () => {
  it('opens the welcome screen on an empty database at the default page, once', async () => {
    expect(await showWelcomeIfEmpty()).toBe(true);
    expect(window.location.hash).toBe('#/welcome');
    window.location.hash = '';
    expect(await showWelcomeIfEmpty()).toBe(false);
  });

  it('leaves a database with flows on its page', async () => {
    flowCount = 2;
    expect(await showWelcomeIfEmpty()).toBe(false);
    expect(window.location.hash).toBe('');
  });

  it('leaves a deep link alone', async () => {
    window.location.hash = '#/settings';
    expect(await showWelcomeIfEmpty()).toBe(false);
    expect(window.location.hash).toBe('#/settings');
  });

  it('does nothing without a backend', async () => {
    removeFakeBackend();
    expect(await showWelcomeIfEmpty()).toBe(false);
  });
});
