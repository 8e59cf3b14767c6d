import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, screenshot, startServer, type ChatflowServer } from './harness';
import {
  accessToken,
  appSecret,
  callRpc,
  customerMessage,
  deliver,
  phoneNumberId,
  startFakeGraph,
  startOrders,
  type FakeGraph,
} from './whatsappKit';

let server: ChatflowServer;
let browser: Browser;
let graph: FakeGraph;
let orders: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  graph = await startFakeGraph();
  orders = await startOrders();
  graph.webhook.url = `${server.webhookUrl}/webhook/whatsapp`;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await graph?.close();
  await orders?.close();
});

const ana = { from: '5511999990001', name: 'Ana Souza' };

/** Waits until the fake Graph API has accepted n messages for a number. */
async function sentTo(to: string, n: number): Promise<string[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const got = graph.sent.filter((m) => m.to === to);
    if (got.length >= n) return got.map((m) => (m.options.length > 0 ? `${m.text} [${m.options.join('|')}]` : m.text));
    if (Date.now() > deadline) throw new Error(`e2e: ${to} received ${got.length} messages, want ${n}: ${JSON.stringify(got)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function messageTexts(page: Page): Promise<string[]> {
  return page.getByTestId('message').allTextContents();
}

describe('WhatsApp in browser mode', () => {
  it('connects WhatsApp on the Settings page without ever showing a secret again', async () => {
    const { page, context, errors } = await openApp(browser, server, { hash: '#/settings' });
    try {
      await page.getByRole('heading', { level: 2, name: 'Connect WhatsApp' }).waitFor();
      await expect(page.getByTestId('listener-state').textContent()).resolves.toContain('Listening');
      const form = page.getByRole('form', { name: 'WhatsApp settings' });
      await form.getByLabel('Phone number ID').fill(phoneNumberId);
      await form.getByLabel('Access token').fill(accessToken);
      await form.getByLabel('App secret').fill(appSecret);
      await form.getByRole('button', { name: 'Generate' }).click();
      const verify = form.getByLabel('Verify token');
      await expect.poll(() => verify.inputValue()).not.toBe('');
      await form.getByText('Advanced').click();
      await form.getByLabel('Graph base URL').fill(graph.url);
      await form.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('WhatsApp settings saved').waitFor();
      // The owner's own tunnel, in the Public address panel.
      const address = page.getByRole('form', { name: 'Public address' });
      await address.getByRole('radio', { name: /My own tunnel/ }).click();
      await address.getByLabel('Public base URL').fill('https://chatflow-demo.ngrok-free.app');
      await address.getByRole('button', { name: 'Save address' }).click();
      await page.getByText('Public address saved').waitFor();
      await expect(page.getByTestId('copy-Callback URL').first().textContent()).resolves.toBe(
        'https://chatflow-demo.ngrok-free.app/webhook/whatsapp',
      );
      await page.getByRole('heading', { level: 2, name: 'Connect WhatsApp' }).waitFor({ state: 'detached' });

      // Meta's verification handshake with the token the page generated.
      const token = await verify.inputValue();
      expect(token.length).toBeGreaterThan(20);
      const hs = await fetch(`${server.webhookUrl}/webhook/whatsapp?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`);
      expect(hs.status).toBe(200);
      await expect(hs.text()).resolves.toBe('1158201444');
      const wrong = await fetch(`${server.webhookUrl}/webhook/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`);
      expect(wrong.status).toBe(403);
      await page.waitForFunction(() => document.querySelector('[data-testid="last-verified"]')?.textContent !== 'Not yet', null, { timeout: 15_000 });

      // The secrets are masked after a reload; only their last characters show.
      await page.reload();
      await form.getByLabel('Access token').waitFor();
      await expect(form.getByLabel('Access token').getAttribute('placeholder')).resolves.toBe('Saved (ends in oken); leave empty to keep it');
      await expect(form.getByLabel('App secret').inputValue()).resolves.toBe('');
      const html = await page.content();
      expect(html).not.toContain(accessToken);
      expect(html).not.toContain(appSecret);
      await expect(page.getByTestId('copy-Callback URL').first().textContent()).resolves.toBe(
        'https://chatflow-demo.ngrok-free.app/webhook/whatsapp',
      );
      await screenshot(page, 'whatsapp-settings');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows a live conversation driven by signed webhooks, and lets a person take over', async () => {
    const { page, context, errors } = await openApp(browser, server, { hash: '#/conversations' });
    try {
      // The example bot of docs/bundle.md, calling the fake order API.
      const bundle = await readFile(path.resolve(import.meta.dirname, '../../docs/examples/order-status.json'), 'utf8');
      await callRpc(page, 'Flows.ImportBundle', bundle.replaceAll('http://127.0.0.1:8787', orders.url), true);
      await page.getByRole('heading', { level: 2, name: 'No conversations yet' }).waitFor();

      const webhook = `${server.webhookUrl}/webhook/whatsapp`;
      await deliver(webhook, customerMessage({ ...ana, id: 'wamid.ana.1', text: 'hi' }));
      const list = page.getByRole('list', { name: 'Conversations' });
      await list.getByRole('button', { name: /Ana Souza/ }).click();
      await page.getByRole('heading', { level: 2, name: 'Ana Souza' }).waitFor();
      await expect(sentTo(ana.from, 1)).resolves.toEqual(['Hi Ana Souza! How can we help you today? [Track my order|Talk to a person]']);

      await deliver(webhook, customerMessage({ ...ana, id: 'wamid.ana.2', text: 'Track my order', replyId: 'track' }));
      await sentTo(ana.from, 2);
      await deliver(webhook, customerMessage({ ...ana, id: 'wamid.ana.3', text: 'A1001' }));
      await expect(sentTo(ana.from, 4)).resolves.toEqual([
        'Hi Ana Souza! How can we help you today? [Track my order|Talk to a person]',
        'What is your order number? It looks like A1001.',
        'Good news! Order A1001 is on its way and should arrive on Saturday 2 May.',
        'Anything else? Send hi to start again.',
      ]);
      // Live in the open conversation, with Meta's statuses.
      const messages = page.getByRole('list', { name: 'Messages' });
      await messages.getByText('Anything else? Send hi to start again.').waitFor();
      await page.waitForFunction(
        () => [...document.querySelectorAll('[data-testid="message"][data-status="read"]')].length >= 4,
        null,
        { timeout: 15_000 },
      );
      const texts = await messageTexts(page);
      expect(texts[0]).toContain('hi');
      expect(texts[1]).toContain('Track my order');
      expect(texts[1]).toContain('Read');
      expect(texts[4]).toContain('A1001');
      await page.locator('summary', { hasText: 'Attributes' }).click();
      await page.getByText('order_status').waitFor();

      // A person replies by hand.
      await page.getByLabel('Your reply').fill('Hi Ana, this is Carla from the shop. Anything else?');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(sentTo(ana.from, 5)).resolves.toContain('Hi Ana, this is Carla from the shop. Anything else?');
      await page.getByText(/You ·/).waitFor();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="message"][data-status="read"]').length >= 5, null, {
        timeout: 15_000,
      });
      await screenshot(page, 'whatsapp-conversation-live');

      // Pausing the bot: the next message is shown but not answered.
      await page.getByRole('switch').click();
      await page.getByText('Bot paused').waitFor();
      await deliver(webhook, customerMessage({ ...ana, id: 'wamid.ana.4', text: 'hi again' }));
      await page.getByText('The bot is paused for this contact').waitFor();
      expect(graph.sent.filter((m) => m.to === ana.from)).toHaveLength(5);
      await page.getByRole('switch').click();
      await page.getByText('Bot answers').waitFor();

      // A customer whose message is 30 hours old: not answered, window closed.
      await deliver(webhook, customerMessage({ from: '4477000111', name: 'Bo Li', id: 'wamid.bo.1', text: 'are you open?', at: new Date(Date.now() - 30 * 3600_000) }));
      await list.getByRole('button', { name: /Bo Li/ }).click();
      await page.getByRole('heading', { level: 2, name: 'Bo Li' }).waitFor();
      await page.getByText('24-hour window closed').waitFor();
      await expect(page.getByLabel('Your reply').isDisabled()).resolves.toBe(true);
      await page.getByText(/Not answered: it arrived/).waitFor();

      // Search, then back to Ana for the picture.
      await page.getByLabel('Search conversations').fill('ana');
      await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Conversations"] li').length === 1);
      await list.getByRole('button', { name: /Ana Souza/ }).click();
      await page.getByRole('heading', { level: 2, name: 'Ana Souza' }).waitFor();
      await messages.getByText('Hi Ana, this is Carla from the shop. Anything else?').waitFor();
      await screenshot(page, 'whatsapp-conversations');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says why a reply is waiting while the Graph API fails, then sends it once it is back', async () => {
    const { page, context, errors } = await openApp(browser, server, { hash: '#/conversations' });
    try {
      const cy = { from: '5511999990003', name: 'Cy Park' };
      graph.failing.on = true;
      await deliver(`${server.webhookUrl}/webhook/whatsapp`, customerMessage({ ...cy, id: 'wamid.cy.1', text: 'hi' }));
      await page.getByRole('list', { name: 'Conversations' }).getByRole('button', { name: /Cy Park/ }).click();
      await page.getByRole('heading', { level: 2, name: 'Cy Park' }).waitFor();
      // The reply is not a silent "Queued": the bubble says it is retried and why.
      const retrying = page.locator('[data-testid="message-status"][data-retrying]');
      await retrying.first().waitFor({ timeout: 15_000 });
      await expect(retrying.first().textContent()).resolves.toMatch(/Retrying \(attempt \d+ at .+\): Service temporarily unavailable/);
      await screenshot(page, 'whatsapp-reply-retrying');

      // Settings sums it up beside the outgoing counts.
      await page.goto(`${server.uiUrl}#/settings`);
      const line = page.getByTestId('waiting-replies');
      await line.waitFor({ timeout: 15_000 });
      await expect(line.textContent()).resolves.toMatch(/^1 reply waiting: Service temporarily unavailable \(retry \d+ at .+\)$/);
      await screenshot(page, 'whatsapp-settings-waiting-replies');
      expect(graph.failing.refused).toBeGreaterThan(0);

      // The Graph API is back: the reply goes out once and the line goes away.
      graph.failing.on = false;
      await expect(sentTo(cy.from, 1)).resolves.toEqual(['Hi Cy Park! How can we help you today? [Track my order|Talk to a person]']);
      await line.waitFor({ state: 'detached', timeout: 20_000 });
      expect(graph.sent.filter((m) => m.to === cy.from)).toHaveLength(1);
      expect(errors).toEqual([]);
    } finally {
      graph.failing.on = false;
      await context.close();
    }
  });
});
