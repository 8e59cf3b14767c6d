import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Toaster } from '../../components/ui';
import type { app, config, studio } from '../../lib/backend';
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

function address(extra: Partial<app.PublicAddress> = {}): app.PublicAddress {
  return {
    mode: 'own',
    authtoken: { set: false, hint: '', overridden: false, envVar: 'NGROK_AUTHTOKEN' },
    domain: '',
    publicUrl: 'https://abc.ngrok-free.app',
    callbackUrl: 'https://abc.ngrok-free.app/webhook/whatsapp',
    verifyToken: 'verify-me',
    tunnel: { state: 'off', url: '', error: '', retryAt: '', since: '' },
    lastVerifiedAt: '2026-01-02T03:04:05Z',
    lastEventAt: '',
    ...extra,
  } as app.PublicAddress;
}

let current: app.WhatsAppSettings;
let currentStatus: app.WhatsAppStatus;
let currentAddress: app.PublicAddress;
let problems: studio.FieldProblem[];
let fake: FakeBackend;

beforeEach(() => {
  useSettings.setState({ settings: null, status: null, address: null, error: '' });
  current = saved();
  currentStatus = status();
  currentAddress = address();
  problems = [];
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
      Check: () => Promise.resolve(problems),
      TestConnection: (...args: unknown[]) =>
        Promise.resolve(
          (args[0] as app.WhatsAppSettingsInput).phoneNumberId === '999999999'
            ? { ok: false, message: 'Meta does not know the phone number ID 999999999 for this token.', phoneNumber: '', verifiedName: '' }
            : { ok: true, message: 'Connected to +1 555-010-0199 (Test Number).', phoneNumber: '+1 555-010-0199', verifiedName: 'Test Number' },
        ),
      PublicAddress: () => Promise.resolve(currentAddress),
      CheckPublicAddress: (...args: unknown[]) => {
        const i = args[0] as app.PublicAddressInput;
        return Promise.resolve(i.mode === 'ngrok' && i.authtoken === '' ? [{ field: 'authtoken', message: 'Paste your ngrok authtoken.' }] : []);
      },
      SavePublicAddress: (...args: unknown[]) => {
        const i = args[0] as app.PublicAddressInput;
        currentAddress = address({
          mode: i.mode,
          domain: i.domain,
          authtoken: { set: true, hint: i.authtoken.slice(-4), overridden: false, envVar: 'NGROK_AUTHTOKEN' },
          callbackUrl: i.domain === '' ? '' : `https://${i.domain}/webhook/whatsapp`,
          tunnel: { state: 'connecting', url: '', error: '', retryAt: '', since: '' },
        });
        return Promise.resolve(currentAddress);
      },
      RetryTunnel: () => Promise.resolve(currentAddress),
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
  it('shows the saved settings with secrets masked, the public address and the live status', async () => {
    renderPage();
    const form = await screen.findByRole('form', { name: 'WhatsApp settings' });
    expect(within(form).getByLabelText(/Phone number ID/)).toHaveValue('106540352242922');
    const token = within(form).getByLabelText(/Access token/);
    expect(token).toHaveValue('');
    expect(token).toHaveAttribute('type', 'password');
    expect(token).toHaveAttribute('placeholder', 'Saved (ends in XYZ9); leave empty to keep it');
    expect(within(form).getByLabelText(/App secret/)).toHaveAttribute('placeholder', 'Not set');
    expect(screen.getByTestId('listener-state')).toHaveTextContent('Listening');
    expect(await screen.findByTestId('copy-Callback URL')).toHaveTextContent('https://abc.ngrok-free.app/webhook/whatsapp');
    expect(screen.getByTestId('copy-Verify token')).toHaveTextContent('verify-me');
    expect(document.querySelector('[data-check="verified"]')).toHaveAttribute('data-done', 'true');
    expect(document.querySelector('[data-check="event"]')).toHaveAttribute('data-done', 'false');
    expect(screen.getByRole('heading', { name: 'Connect WhatsApp' })).toBeInTheDocument();
    expect(screen.getByText(/fill in: app secret/)).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: /setup guide/i })[0]).toHaveAttribute('href', '#/guide');
    expect(screen.getByText('1 queued · 5 sent · 2 failed')).toBeInTheDocument();
  });

  it('checks, then saves the form, keeping secrets that were left empty', async () => {
    const user = userEvent.setup();
    renderPage();
    const form = await screen.findByRole('form', { name: 'WhatsApp settings' });
    await user.type(within(form).getByLabelText(/App secret/), 'appsecret1234abcd');
    await user.click(within(form).getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(within(form).getByLabelText(/Verify token/)).toHaveValue('generated-token-123456'));
    await user.click(within(form).getByRole('button', { name: 'Save settings' }));
    await screen.findByText('WhatsApp settings saved');
    const names = fake.calls.map((c) => c.name);
    expect(names.indexOf('Settings.Check')).toBeLessThan(names.indexOf('Settings.Save'));
    expect(fake.calls.find((c) => c.name === 'Settings.Save')?.args[0]).toMatchObject({
      phoneNumberId: '106540352242922',
      businessAccountId: '102290129340398',
      accessToken: '',
      clearAccessToken: false,
      appSecret: 'appsecret1234abcd',
      verifyToken: 'generated-token-123456',
      staleMinutes: 10,
      rateLimit: 80,
    });
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Connect WhatsApp' })).not.toBeInTheDocument());
    expect(await screen.findByLabelText(/App secret/)).toHaveAttribute('placeholder', 'Saved (ends in abcd); leave empty to keep it');
  });

  it('shows every problem under its own field and saves nothing', async () => {
    const user = userEvent.setup();
    problems = [
      { field: 'phoneNumberId', message: "The phone number ID is the long number from Meta's API Setup page, digits only." },
      { field: 'rateLimit', message: 'The send rate must be between 1 and 1000 messages per second.' },
    ];
    renderPage();
    const form = await screen.findByRole('form', { name: 'WhatsApp settings' });
    await user.click(within(form).getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(within(form).getByLabelText(/Phone number ID/)).toHaveAccessibleDescription(/digits only/));
    expect(within(form).getByLabelText(/Send rate/)).toHaveAccessibleDescription(/between 1 and 1000/);
    expect(within(form).getByLabelText(/Send rate/)).toBeVisible();
    expect(fake.calls.some((c) => c.name === 'Settings.Save')).toBe(false);
    // Editing a field clears its error.
    await user.type(within(form).getByLabelText(/Phone number ID/), '1');
    expect(within(form).getByLabelText(/Phone number ID/)).not.toHaveAccessibleDescription(/digits only/);
  });

  it('tests the connection with what is typed and says the result in one sentence', async () => {
    const user = userEvent.setup();
    renderPage();
    const form = await screen.findByRole('form', { name: 'WhatsApp settings' });
    await user.click(within(form).getByRole('button', { name: 'Test connection' }));
    expect(await within(form).findByTestId('connection-test')).toHaveTextContent('Connected to +1 555-010-0199 (Test Number).');
    const phone = within(form).getByLabelText(/Phone number ID/);
    await user.clear(phone);
    await user.type(phone, '999999999');
    expect(within(form).queryByTestId('connection-test')).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Test connection' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('does not know the phone number ID 999999999');
    expect(fake.calls.some((c) => c.name === 'Settings.Save')).toBe(false);
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
