import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, screenshot, startServer, type ChatflowServer } from './harness';

let server: ChatflowServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Types a customer message into the simulator and sends it. */
async function say(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Message as the customer' });
  await box.fill(text);
  await box.press('Enter');
}

/** The checklist step's done state, from its data attribute. */
async function stepDone(page: Page, id: string): Promise<string | null> {
  return page.locator(`[data-step="${id}"]`).getAttribute('data-done');
}

describe('first run in the browser', () => {
  it('goes from an empty database through a template and the simulator to the checklist and Settings', async () => {
    const { page, context, errors } = await openApp(browser, server, { width: 1440, height: 900 });
    try {
      // An empty database opens on the welcome screen.
      await page.getByRole('heading', { level: 1, name: 'Welcome to Chatflow Studio' }).waitFor();
      await page.getByRole('heading', { name: 'Appointment booking' }).waitFor();
      await page.getByRole('heading', { name: 'FAQ' }).waitFor();
      expect(new URL(page.url()).hash).toBe('#/welcome');
      await screenshot(page, 'firstrun-welcome');

      // The order-status template lands in the editor.
      await page.getByRole('button', { name: 'Use the Order status template' }).click();
      await page.waitForURL((u) => /^#\/flows\/\d+$/.test(u.hash));
      await page.getByRole('heading', { level: 1, name: 'Order status' }).waitFor();

      // Chat with it in the simulator; the API call goes to the built-in demo endpoint.
      await page.getByTestId('open-simulator').click();
      await say(page, 'hi');
      await page.getByText('How can we help you today?').waitFor();
      await page.getByRole('button', { name: 'Track my order' }).click();
      await page.getByText('What is your order number?').waitFor();
      await say(page, 'A1001');
      await page.getByText('Good news! Order A1001 is on its way and should arrive on Saturday 2 May.').waitFor({ timeout: 15000 });
      await screenshot(page, 'firstrun-simulator');

      // The checklist on the Flows page shows "build" and "test" done from the real state.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flows', exact: true }).click();
      const checklist = page.getByRole('region', { name: 'Getting started' });
      await checklist.waitFor();
      await expect.poll(() => stepDone(page, 'build')).toBe('true');
      await expect.poll(() => stepDone(page, 'test')).toBe('true');
      expect(await stepDone(page, 'whatsapp')).toBe('false');
      expect(await stepDone(page, 'publish')).toBe('false');
      await checklist.getByText('2 of 4 done').waitFor();
      await screenshot(page, 'firstrun-checklist');

      // Following the checklist leads to Settings, which shows the data folder.
      await checklist.getByRole('link', { name: 'Connect WhatsApp' }).click();
      await page.waitForURL((u) => u.hash === '#/settings');
      const folder = page.getByTestId('data-folder');
      await folder.waitFor();
      expect(await folder.textContent()).toBe(path.dirname(server.dbPath));
      await page.getByRole('button', { name: 'Back up now' }).click();
      await page.getByRole('cell', { name: 'Manual' }).waitFor();
      await folder.scrollIntoViewIfNeeded();
      await screenshot(page, 'firstrun-settings');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('serves the demo order API on the webhook listener, to this computer only', async () => {
    const ok = await fetch(`${server.webhookUrl}/demo/orders/A1002`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ order: { id: 'A1002', status: 'processing' } });
    const tunnelled = await fetch(`${server.webhookUrl}/demo/orders/A1002`, { headers: { 'X-Forwarded-For': '203.0.113.7' } });
    expect(tunnelled.status).toBe(404);
  });
});
