import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Toaster } from '../../components/ui';
import type { app, studio } from '../../lib/backend';
import { installFakeBackend, removeFakeBackend, type FakeBackend } from '../../test/fakeBackend';
import { PublicAddressPanel } from './PublicAddressPanel';
import { subscribeTunnel, useSettings } from './settingsStore';

const off: studio.TunnelStatus = { state: 'off', url: '', error: '', retryAt: '', since: '' };

function address(extra: Partial<app.PublicAddress> = {}): app.PublicAddress {
  return {
    mode: 'own',
    authtoken: { set: false, hint: '', overridden: false, envVar: 'NGROK_AUTHTOKEN' },
    domain: '',
    publicUrl: '',
    callbackUrl: '',
    verifyToken: 'verify-me',
    tunnel: off,
    lastVerifiedAt: '',
    lastEventAt: '',
    ...extra,
  } as app.PublicAddress;
}

let current: app.PublicAddress;
let fake: FakeBackend;

beforeEach(() => {
  current = address();
  useSettings.setState({ settings: null, status: null, address: null, error: '' });
  fake = installFakeBackend({
    Settings: {
      PublicAddress: () => Promise.resolve(current),
      Status: () => Promise.resolve({ listener: { addr: '127.0.0.1:8080', state: 'listening', error: '' }, missing: [] }),
      CheckPublicAddress: (...args: unknown[]) => {
        const i = args[0] as app.PublicAddressInput;
        const out = [];
        if (i.mode === 'ngrok' && i.authtoken === '' && !current.authtoken.set) out.push({ field: 'authtoken', message: 'Paste your ngrok authtoken.' });
        if (i.domain.startsWith('https://')) out.push({ field: 'domain', message: 'The static domain is a host name, without https://.' });
        return Promise.resolve(out);
      },
      SavePublicAddress: (...args: unknown[]) => {
        const i = args[0] as app.PublicAddressInput;
        current = address({
          mode: i.mode,
          domain: i.domain,
          authtoken: { set: true, hint: i.authtoken.slice(-4), overridden: false, envVar: 'NGROK_AUTHTOKEN' },
          callbackUrl: `https://${i.domain}/webhook/whatsapp`,
          tunnel: { ...off, state: 'connecting' },
        });
        return Promise.resolve(current);
      },
      RetryTunnel: () => Promise.resolve(current),
    },
  });
});
afterEach(() => removeFakeBackend());

async function renderPanel() {
  const off = subscribeTunnel();
  render(
    <>
      <PublicAddressPanel />
      <Toaster />
    </>,
  );
  useSettings.setState({ address: await Promise.resolve(current) });
  return off;
}

describe('PublicAddressPanel', () => {
  it('opens the built-in tunnel and follows its state to online', async () => {
    const user = userEvent.setup();
    const unsubscribe = await renderPanel();
    const form = await screen.findByRole('form', { name: 'Public address' });
    expect(screen.getByRole('radio', { name: /My own tunnel or server/ })).toHaveAttribute('aria-checked', 'true');
    await user.click(screen.getByRole('radio', { name: /Built-in tunnel/ }));
    await user.click(within(form).getByRole('button', { name: 'Open the tunnel' }));
    expect(await within(form).findByLabelText('ngrok authtoken')).toHaveAccessibleDescription(/Paste your ngrok authtoken/);
    expect(fake.calls.some((c) => c.name === 'Settings.SavePublicAddress')).toBe(false);

    await user.type(within(form).getByLabelText('ngrok authtoken'), '2abc_secret_9876');
    await user.type(within(form).getByLabelText(/Static domain/), 'shop-demo.ngrok-free.app');
    await user.click(within(form).getByRole('button', { name: 'Open the tunnel' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.name === 'Settings.SavePublicAddress')?.args[0]).toEqual({
        mode: 'ngrok',
        authtoken: '2abc_secret_9876',
        clearAuthtoken: false,
        domain: 'shop-demo.ngrok-free.app',
        publicUrl: '',
      }),
    );
    expect(await screen.findByTestId('tunnel-state')).toHaveAttribute('data-state', 'connecting');
    expect(screen.getByLabelText('ngrok authtoken')).toHaveAttribute('placeholder', 'Saved (ends in 9876); leave empty to keep it');

    // Go reports the new state both as an event and in PublicAddress.
    const online = { state: 'online', url: 'https://shop-demo.ngrok-free.app', error: '', retryAt: '', since: '' };
    current = address({ ...current, tunnel: online });
    fake.emit('tunnel:changed', online);
    await waitFor(() => expect(screen.getByTestId('tunnel-state')).toHaveAttribute('data-state', 'online'));
    expect(screen.getByTestId('tunnel-state')).toHaveTextContent('Onlinehttps://shop-demo.ngrok-free.app');
    expect(screen.getByTestId('copy-Callback URL')).toHaveTextContent('https://shop-demo.ngrok-free.app/webhook/whatsapp');
    unsubscribe();
  });

  it('says why the tunnel is down and retries on request', async () => {
    const user = userEvent.setup();
    current = address({
      mode: 'ngrok',
      authtoken: { set: true, hint: 'abcd', overridden: false, envVar: 'NGROK_AUTHTOKEN' },
      tunnel: { state: 'error', url: '', error: "Could not reach ngrok's service (the connection was refused).", retryAt: '2026-01-02T03:04:05Z', since: '' },
    });
    const unsubscribe = await renderPanel();
    expect(await screen.findByRole('alert')).toHaveTextContent("Could not reach ngrok's service (the connection was refused). Trying again at");
    await user.click(screen.getByRole('button', { name: 'Try again now' }));
    await waitFor(() => expect(fake.calls.some((c) => c.name === 'Settings.RetryTunnel')).toBe(true));
    unsubscribe();
  });

  it('turns the webhook checks green', async () => {
    current = address({ mode: 'own', publicUrl: 'https://mine.example', callbackUrl: 'https://mine.example/webhook/whatsapp' });
    const unsubscribe = await renderPanel();
    expect(await screen.findByRole('list', { name: 'Webhook checks' })).toBeInTheDocument();
    expect(document.querySelector('[data-check="verified"]')).toHaveAttribute('data-done', 'false');
    current = address({ ...current, lastVerifiedAt: '2026-01-02T03:04:05Z', lastEventAt: '2026-01-02T03:05:00Z' });
    await useSettings.getState().refreshStatus();
    await waitFor(() => expect(document.querySelector('[data-check="verified"]')).toHaveAttribute('data-done', 'true'));
    expect(document.querySelector('[data-check="event"]')).toHaveAttribute('data-done', 'true');
    expect(screen.getByText(/Meta verified the webhook/)).toBeInTheDocument();
    unsubscribe();
  });
});
