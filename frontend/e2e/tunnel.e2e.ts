/**
 * The built-in tunnel end to end: chatflow serve is pointed at a loopback
 * stand-in for ngrok's service (internal/fakengrok, through
 * CHATFLOW_NGROK_CONNECT_URL and CHATFLOW_NGROK_CA_FILE), so the product's
 * real ngrok SDK code opens the tunnel. The owner switches it on in
 * Settings › Public address; the panel goes online with the callback URL;
 * Meta's handshake and a signed webhook sent through the tunnel's public side
 * turn the two checks green; the UI and its RPC are not reachable there.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, resultsDir, screenshot, startServer, type ChatflowServer } from './harness';
import { appSecret, customerMessage, sign } from './whatsappKit';

const repo = path.resolve(import.meta.dirname, '..', '..');
const verifyToken = 'e2e-verify-token-77';
const domain = 'chatflow-e2e.ngrok-free.app';

interface FakeNgrok {
  connect: string;
  edge: string;
  ca: string;
  proc: ChildProcess;
  dir: string;
}

/** Builds (unless FAKENGROK_BIN is set) and starts the fake ngrok service. */
async function startFakeNgrok(): Promise<FakeNgrok> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fakengrok-'));
  let bin = process.env.FAKENGROK_BIN ?? path.join(repo, 'bin', 'fakengrok');
  if (!existsSync(bin)) {
    bin = path.join(dir, 'fakengrok');
    const built = spawnSync('go', ['build', '-o', bin, './internal/fakengrok/cmd/fakengrok'], { cwd: repo, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`e2e: cannot build fakengrok: ${built.stderr}`);
  }
  const ca = path.join(dir, 'ca.pem');
  const proc = spawn(bin, ['-ca', ca, '-tokens', 'e2e-ngrok-authtoken-4321'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: Record<string, string> = {};
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('e2e: fakengrok printed no addresses')), 20_000);
    proc.once('exit', (code) => reject(new Error(`e2e: fakengrok exited (${code})`)));
    createInterface({ input: proc.stdout }).on('line', (line) => {
      const [key, ...rest] = line.split(': ');
      lines[key] = rest.join(': ');
      if (lines.connect && lines.edge && lines.ca) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { connect: lines.connect, edge: lines.edge, ca: lines.ca, proc, dir };
}

let fake: FakeNgrok;
let server: ChatflowServer;
let browser: Browser;

beforeAll(async () => {
  fake = await startFakeNgrok();
  server = await startServer({
    env: {
      CHATFLOW_NGROK_CONNECT_URL: fake.connect,
      CHATFLOW_NGROK_CA_FILE: fake.ca,
      WHATSAPP_VERIFY_TOKEN: verifyToken,
      WHATSAPP_APP_SECRET: appSecret,
    },
  });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fake?.proc.kill('SIGTERM');
  if (fake !== undefined) await rm(fake.dir, { recursive: true, force: true });
});

describe('the built-in tunnel', () => {
  it('goes online from Settings, carries Meta to the webhook and never the UI', async () => {
    const { page, errors, context } = await openApp(browser, server, { hash: '#/settings', width: 1440, height: 900 });
    const panel = page.getByRole('form', { name: 'Public address' });
    await panel.getByRole('radio', { name: /Built-in tunnel/ }).click();
    // A missing authtoken is refused under its field.
    await panel.getByRole('button', { name: 'Open the tunnel' }).click();
    await expect.poll(() => panel.getByText(/Paste your ngrok authtoken/).count()).toBeGreaterThan(0);

    await panel.getByLabel('ngrok authtoken').fill('e2e-ngrok-authtoken-4321');
    await panel.getByLabel(/Static domain/).fill(domain);
    await panel.getByRole('button', { name: 'Open the tunnel' }).click();
    const state = page.getByTestId('tunnel-state');
    // Online with its address. (Polled together: on a loaded machine the SDK
    // may report a lost heartbeat and reconnect right after coming online,
    // which the page shows as connecting for a moment.)
    await expect
      .poll(async () => `${await state.getAttribute('data-state')} ${await state.textContent()}`, { timeout: 20_000 })
      .toMatch(new RegExp(`^online .*https://${domain.replaceAll('.', '\\.')}`));
    expect(await page.getByTestId('copy-Callback URL').textContent()).toBe(`https://${domain}/webhook/whatsapp`);

    // Meta's handshake through the public side.
    const challenge = await fetch(`${fake.edge}/webhook/whatsapp?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=1158201444`);
    expect(challenge.status).toBe(200);
    expect(await challenge.text()).toBe('1158201444');
    // A signed message through the public side.
    const body = customerMessage({ from: '5511999990001', name: 'Ana', id: 'wamid.e2e-tunnel-1', text: 'hi' });
    const post = await fetch(`${fake.edge}/webhook/whatsapp`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': sign(body) },
      body,
    });
    expect(post.status).toBe(200);
    await expect
      .poll(() => page.locator('[data-check="verified"]').getAttribute('data-done'), { timeout: 15_000 })
      .toBe('true');
    await expect.poll(() => page.locator('[data-check="event"]').getAttribute('data-done'), { timeout: 15_000 }).toBe('true');

    // The UI, its RPC and its events are not there, even with the token.
    for (const [method, p] of [
      ['GET', `/?token=${server.token}`],
      ['POST', `/rpc/Settings.PublicAddress?token=${server.token}`],
      ['GET', `/events?token=${server.token}`],
    ] as const) {
      const res = await fetch(fake.edge + p, { method, body: method === 'POST' ? '[]' : undefined });
      expect(res.status, `${method} ${p} through the tunnel`).toBe(404);
      await res.body?.cancel();
    }

    await page.getByRole('heading', { name: 'Public address' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'tunnel-online-settings');
    // The panel alone, as docs/whatsapp-setup.md shows it.
    await page
      .locator('section', { has: page.getByRole('heading', { name: 'Public address' }) })
      .screenshot({ path: path.join(resultsDir, 'setup-public-address.png') });
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
