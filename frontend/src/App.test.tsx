import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from './App';
import { useSystemStore } from './stores/system';
import { installFakeBackend, removeFakeBackend, sampleInfo, type FakeBackend } from './test/fakeBackend';

let fake: FakeBackend;

beforeEach(() => {
  useSystemStore.setState({ info: null, status: 'idle', error: '' });
  fake = installFakeBackend();
});

afterEach(() => {
  removeFakeBackend();
});

const pages = [
  { link: 'Flows', hash: '#/flows', heading: 'Design conversations' },
  { link: 'APIs', hash: '#/apis', heading: 'Connect your outside APIs' },
  { link: 'Attributes', hash: '#/attributes', heading: 'Remember what customers tell you' },
  { link: 'Conversations', hash: '#/conversations', heading: 'No conversations yet' },
  { link: 'Settings', hash: '#/settings', heading: 'Connect WhatsApp' },
];

describe('App shell', () => {
  it('calls System.FrontendReady exactly once, even in StrictMode', async () => {
    render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
    await screen.findByText('Chatflow Studio 1.2.3 (abcdef0)');
    expect(fake.calls.filter((c) => c.name === 'System.FrontendReady')).toHaveLength(1);
    expect(fake.calls.filter((c) => c.name === 'System.Info')).toHaveLength(1);
  });

  it('opens the page the window was started on (--open-flow)', async () => {
    installFakeBackend({
      System: { Info: () => Promise.resolve({ ...sampleInfo, mode: 'desktop', openRoute: '#/attributes' }), FrontendReady: () => Promise.resolve() },
    });
    window.location.hash = '';
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Remember what customers tell you' })).toBeInTheDocument();
    expect(window.location.hash).toBe('#/attributes');
  });

  it('keeps the page of the address over the page to open on', async () => {
    installFakeBackend({ System: { Info: () => Promise.resolve({ ...sampleInfo, openRoute: '#/attributes' }), FrontendReady: () => Promise.resolve() } });
    window.location.hash = '#/apis';
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Connect your outside APIs' })).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 50));
    expect(window.location.hash).toBe('#/apis');
  });

  it('opens Flows for an empty or unknown hash', async () => {
    window.location.hash = '#/nowhere';
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Design conversations' })).toBeInTheDocument();
    expect(window.location.hash).toBe('#/flows');
  });

  it('shows the page of the hash on load, so a reload keeps the page', async () => {
    window.location.hash = '#/attributes';
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Remember what customers tell you' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Attributes' })).toHaveAttribute('aria-current', 'page');
    expect(document.title).toBe('Attributes · Chatflow Studio');
  });

  it('navigates every page from the sidebar', async () => {
    const user = userEvent.setup();
    render(<App />);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    for (const p of pages) {
      await user.click(within(nav).getByRole('link', { name: p.link }));
      await waitFor(() => expect(window.location.hash).toBe(p.hash));
      expect(await screen.findByRole('heading', { level: 2, name: p.heading })).toBeInTheDocument();
      expect(screen.getByRole('heading', { level: 1, name: p.link })).toBeInTheDocument();
      expect(within(nav).getByRole('link', { name: p.link })).toHaveAttribute('aria-current', 'page');
    }
  });

  it('reaches the navigation with the keyboard and opens a page with Enter', async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('heading', { name: 'Design conversations' });
    const apis = screen.getByRole('link', { name: 'APIs' });
    apis.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Connect your outside APIs' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('main')).toHaveFocus());
  });

  it('shows version, mode and webhook in the status bar', async () => {
    render(<App />);
    const status = screen.getByRole('contentinfo', { name: 'Status' });
    expect(await within(status).findByText('Chatflow Studio 1.2.3 (abcdef0)')).toBeInTheDocument();
    expect(within(status).getByText('Browser mode')).toBeInTheDocument();
    expect(within(status).getByText('127.0.0.1:8080')).toBeInTheDocument();
    expect(within(status).getByText('/tmp/chatflow/chatflow.db')).toBeInTheDocument();
  });

  it('shows the installation facts on the Settings page', async () => {
    window.location.hash = '#/settings';
    render(<App />);
    const panel = (await screen.findByRole('heading', { name: 'This installation' })).closest('section');
    expect(panel).not.toBeNull();
    expect(await within(panel as HTMLElement).findByText('1.2.3')).toBeInTheDocument();
    expect(within(panel as HTMLElement).getByText('abcdef0123456789')).toBeInTheDocument();
  });

  it('says in one sentence when System.Info fails', async () => {
    removeFakeBackend();
    installFakeBackend({
      // Wails rejects with the Go error's text as a plain string.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      System: { Info: () => Promise.reject('store: open database: disk full'), FrontendReady: () => Promise.resolve() },
    });
    render(<App />);
    expect(await screen.findByRole('alert')).toHaveTextContent('store: open database: disk full');
  });
});
