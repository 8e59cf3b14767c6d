import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Toaster } from '../../components/ui';
import type { app, config } from '../../lib/backend';
import { installFakeBackend, removeFakeBackend, type FakeBackend } from '../../test/fakeBackend';
import { SettingsPage } from './SettingsPage';
import { useSettings } from './settingsStore';

const plain = (value: string, envVar = '', overridden = false): config.SettingValue => ({ value, envVar, overridden });

function saved(extra: Partial<app.WhatsAppSettings> = {}): app.WhatsAppSettings {
  return {
    phoneNumberId: plain('106540352242922', 'WHATSAPP_PHONE_NUMBER_ID'),
    businessAccountId: plain('102290129340398', 'WHATSAPP_WABA_ID'),
    accessToken: { set: true, hint: 'XYZ9', overridden: false, envVar: 'WHATSAPP_TOKEN' },
    appSecret: { set: false, hint: '', overridden: false, envVar: 'WHATSAPP_APP_SECRET' },
    verifyToken: plain('verify-me', 'WHATSAPP_VERIFY_TOKEN'),
    apiVersion: plain('v21.0', 'WHATSAPP_API_VERSION'),
    graphUrl: plain('https://graph.facebook.com', 'WHATSAPP_GRAPH_URL'),
    webhookAddr: plain('127.0.0.1:8080'),
    publicUrl: plain('https://abc.ngrok-free.app'),
    staleMinutes: 10,
    rateLimit: 80,
    callbackUrl: 'https://abc.ngrok-free.app/webhook/whatsapp',
    ...extra,
  } as app.WhatsAppSettings;
}

function status(extra: Partial<app.WhatsAppStatus> = {}): app.WhatsAppStatus {
  return {
    listener: { addr: '127.0.0.1:8080', state: 'listening', error: '' },
    callbackUrl: 'https://abc.ngrok-free.app/webhook/whatsapp',
    verifyToken: 'verify-me',
    lastVerifiedAt: '2026-01-02T03:04:05Z',
    lastEventAt: '',
    missing: ['app secret'],
    queued: 1,
    sent: 5,
    failed: 2,
    sending: { waiting: 0, retrying: 0, reason: '', nextAttempt: 0, retryAt: '' },
    ...extra,
  } as app.WhatsAppStatus;
}

let current: app.WhatsAppSettings;
let currentStatus: app.WhatsAppStatus;
let fake: FakeBackend;

beforeEach(() => {
  useSettings.setState({ settings: null, status: null, error: '' });
  current = saved();
  currentStatus = status();
  fake = installFakeBackend({
    Settings: {
      Get: () => Promise.resolve(current),
      Status: () => Promise.resolve(currentStatus),
      Save: (input: unknown) => {
        const i = input as app.WhatsAppSettingsInput;
        if (i.phoneNumberId === 'abc') {
          return Promise.reject(new Error("The phone number ID is the long number from Meta's API Setup page, digits only."));
        }
        current = saved({ appSecret: { set: i.appSecret !== '', hint: i.appSecret.slice(-4), overridden: false, envVar: 'WHATSAPP_APP_SECRET' } });
        currentStatus = status({ missing: [] });
        return Promise.resolve(current);
      },
      GenerateVerifyToken: () => Promise.resolve('generated-token-123456'),
      DetectTunnel: () =>
        Promise.resolve({ found: true, publicUrl: 'https://found.ngrok-free.app', target: 'http://localhost:8080', agent: 'ngrok', note: 'ngrok forwards it.' }),
    },
  });
});
afterEach(() => removeFakeBackend());

function renderPage() {
  return render(
    <>
      <SettingsPage />
      <Toaster />
    </>,
  );
}

describe('SettingsPage', () => {
  it('shows the saved settings with secrets masked and the live status', async () => {
    renderPage();
    const form = await screen.findByRole('form', { name: 'WhatsApp settings' });
    expect(within(form).getByLabelText(/Phone number ID/)).toHaveValue('106540352242922');
    const token = within(form).getByLabelText(/Access token/);
    expect(token).toHaveValue('');
    expect(token).toHaveAttribute('type', 'password');
    expect(token).toHaveAttribute('placeholder', 'Saved (ends in XYZ9); leave empty to keep it');
    expect(within(form).getByLabelText(/App secret/)).toHaveAttribute('placeholder', 'Not set');
    expect(screen.getByTestId('listener-state')).toHaveTextContent('Listening');
    expect(screen.getByTestId('last-event')).toHaveTextContent('None yet');
    expect(screen.getAllByTestId('copy-Callback URL')[0]).toHaveTextContent('https://abc.ngrok-free.app/webhook/whatsapp');
    expect(screen.getByTestId('copy-Verify token')).toHaveTextContent('verify-me');
    expect(screen.getByRole('heading', { name: 'Connect WhatsApp' })).toBeInTheDocument();
    expect(screen.getByText(/fill in: app secret/)).toBeInTheDocument();
    expect(screen.getByText('1 queued · 5 sent · 2 failed')).toBeInTheDocument();
  });

  it('saves the form, keeping secrets that were left empty', async () => {
    const user = userEvent.setup();
    renderPage();
    const form = await screen.findByRole('form', { name: 'WhatsApp settings' });
    await user.type(within(form).getByLabelText(/App secret/), 'appsecret1234abcd');
    await user.click(within(form).getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(within(form).getByLabelText(/Verify token/)).toHaveValue('generated-token-123456'));
    await user.click(within(form).getByRole('button', { name: 'Detect ngrok' }));
    await waitFor(() => expect(within(form).getByLabelText('Public base URL')).toHaveValue('https://found.ngrok-free.app'));
    expect(within(form).getByTestId('copy-Callback URL')).toHaveTextContent('https://found.ngrok-free.app/webhook/whatsapp');
    await user.click(within(form).getByRole('button', { name: 'Save settings' }));
    await screen.findByText('WhatsApp settings saved');
    const call = fake.calls.find((c) => c.name === 'Settings.Save');
    expect(call?.args[0]).toMatchObject({
      phoneNumberId: '106540352242922',
      businessAccountId: '102290129340398',
      accessToken: '',
      clearAccessToken: false,
      appSecret: 'appsecret1234abcd',
      verifyToken: 'generated-token-123456',
      publicUrl: 'https://found.ngrok-free.app',
      staleMinutes: 10,
      rateLimit: 80,
    });
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Connect WhatsApp' })).not.toBeInTheDocument());
    expect(await screen.findByLabelText(/App secret/)).toHaveAttribute('placeholder', 'Saved (ends in abcd); leave empty to keep it');
  });

  it('removes a saved secret only when asked', async () => {
    const user = userEvent.setup();
    renderPage();
    const form = await screen.findByRole('form', { name: 'WhatsApp settings' });
    await user.click(within(form).getByRole('button', { name: 'Remove' }));
    expect(within(form).getByLabelText(/Access token/)).toHaveAttribute('placeholder', 'Will be removed when you save');
    await user.click(within(form).getByRole('button', { name: 'Save settings' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.name === 'Settings.Save')?.args[0]).toMatchObject({ clearAccessToken: true, accessToken: '' }),
    );
  });

  it('shows the backend’s sentence when the form is refused', async () => {
    const user = userEvent.setup();
    renderPage();
    const form = await screen.findByRole('form', { name: 'WhatsApp settings' });
    const phone = within(form).getByLabelText(/Phone number ID/);
    await user.clear(phone);
    await user.type(phone, 'abc');
    await user.click(within(form).getByRole('button', { name: 'Save settings' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('digits only');
  });

  it('locks fields the environment overrides and reports a busy port', async () => {
    current = saved({
      accessToken: { set: true, hint: '0001', overridden: true, envVar: 'WHATSAPP_TOKEN' },
      graphUrl: plain('http://127.0.0.1:9', 'WHATSAPP_GRAPH_URL', true),
    });
    currentStatus = status({ listener: { addr: '127.0.0.1:8080', state: 'failed', error: 'webhook listener: 127.0.0.1:8080 is already in use by another program' } });
    renderPage();
    const form = await screen.findByRole('form', { name: 'WhatsApp settings' });
    const token = within(form).getByLabelText(/Access token/);
    expect(token).toBeDisabled();
    expect(within(form).getByText('Set by WHATSAPP_TOKEN in the environment, which wins over this form.')).toBeInTheDocument();
    expect(within(form).queryByRole('button', { name: 'Remove' })).not.toBeInTheDocument();
    expect(within(form).getByLabelText(/Graph base URL/)).toBeDisabled();
    expect(within(form).getAllByText('overridden by environment')).toHaveLength(2);
    expect(screen.getByTestId('listener-state')).toHaveTextContent('Not listening');
    expect(screen.getByTestId('listener-state')).toHaveTextContent('already in use');
  });
});
