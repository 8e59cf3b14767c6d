import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, screenshot, startServer, type ChatflowServer } from './harness';

const pages = [
  { link: 'Flows', hash: '#/flows', empty: 'Design conversations' },
  { link: 'APIs', hash: '#/apis', empty: 'Connect your outside APIs' },
  { link: 'Attributes', hash: '#/attributes', empty: 'Remember what customers tell you' },
  { link: 'Conversations', hash: '#/conversations', empty: 'No conversations yet' },
  { link: 'Settings', hash: '#/settings', empty: 'Connect WhatsApp' },
];

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

describe('app shell in browser mode', () => {
  it('opens with the token, navigates every page and shows its empty state', async () => {
    const { page, context, errors } = await openApp(browser, server);
    try {
      // The token moves into a cookie and the address loses it.
      await page.waitForURL((u) => !u.search.includes('token='));
      const nav = page.getByRole('navigation', { name: 'Main' });
      for (const p of pages) {
        await nav.getByRole('link', { name: p.link, exact: true }).click();
        await page.waitForURL((u) => u.hash === p.hash);
        await page.getByRole('heading', { level: 1, name: p.link, exact: true }).waitFor();
        await page.getByRole('heading', { level: 2, name: p.empty, exact: true }).waitFor();
        const current = nav.getByRole('link', { name: p.link, exact: true });
        await expect(current.getAttribute('aria-current')).resolves.toBe('page');
        await screenshot(page, `shell-${p.link.toLowerCase()}`);
      }
      await nav.getByRole('link', { name: 'Flows', exact: true }).click();
      await page.getByRole('heading', { level: 2, name: 'Design conversations' }).waitFor();
      await page.getByTestId('status-version').waitFor();
      await screenshot(page, 'shell');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps the page across a reload', async () => {
    const { page, context } = await openApp(browser, server, { hash: '#/apis' });
    try {
      await page.getByRole('heading', { level: 2, name: 'Connect your outside APIs' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 2, name: 'Connect your outside APIs' }).waitFor();
      expect(new URL(page.url()).hash).toBe('#/apis');
    } finally {
      await context.close();
    }
  });

  it('calls a bound method through RPC and shows its answer in the status bar', async () => {
    const { page, context } = await openApp(browser, server);
    try {
      const info = await page.evaluate(async () => {
        const res = await fetch('/rpc/System.Info', { method: 'POST', body: '[]' });
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      });
      expect(info.status).toBe(200);
      expect(typeof info.body.version).toBe('string');
      expect(info.body.version).not.toBe('');
      expect(info.body.mode).toBe('browser');
      expect(info.body.dbPath).toBe(server.dbPath);
      expect(info.body.webhookAddr).toBe(new URL(server.webhookUrl).host);
      const status = await page.getByTestId('status-version').textContent();
      expect(status).toContain(`Chatflow Studio ${String(info.body.version)}`);
      await expect(page.getByTestId('status-mode').textContent()).resolves.toContain('Browser mode');
    } finally {
      await context.close();
    }
  });

  it('tells Go once per page load that the frontend is ready', async () => {
    const count = () => server.output().split('frontend ready').length - 1;
    const before = count();
    const { page, context } = await openApp(browser, server);
    try {
      await page.getByTestId('status-version').waitFor();
      await expect.poll(count, { timeout: 5000 }).toBe(before + 1);
      await page.waitForTimeout(300);
      expect(count()).toBe(before + 1);
    } finally {
      await context.close();
    }
  });

  it('answers 401 without the token', async () => {
    const requests: { path: string; init: RequestInit }[] = [
      { path: '/', init: {} },
      { path: '/rpc/System.Info', init: { method: 'POST', body: '[]' } },
      { path: '/events', init: {} },
    ];
    for (const { path, init } of requests) {
      const res = await fetch(server.uiOrigin + path, init);
      expect(res.status, path).toBe(401);
      await res.body?.cancel();
    }
    const bad = await fetch(`${server.uiOrigin}/?token=wrong`);
    expect(bad.status).toBe(401);
    await bad.body?.cancel();

    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const res = await page.goto(server.uiOrigin + '/');
      expect(res?.status()).toBe(401);
    } finally {
      await context.close();
    }
  });

  it('follows the dark colour scheme', async () => {
    // A named page: the default page of an empty database is the welcome screen.
    const { page, context } = await openApp(browser, server, { colorScheme: 'dark', hash: '#/apis' });
    try {
      await page.getByRole('heading', { level: 2, name: 'Connect your outside APIs' }).waitFor();
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe('rgb(17, 17, 19)');
      await screenshot(page, 'shell-dark');
    } finally {
      await context.close();
    }
  });
});
