import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvas, dropNode, node, rpc, startOrderApi, type OrderApi } from './flowsKit';
import { launchBrowser, openApp, screenshot, startServer, type ChatflowServer } from './harness';

/**
 * The window's smallest common size, 1280 x 720 (issue 14, finding 7): the
 * API editor's request tabs, test values and response each get room, the
 * Attributes table keeps its edit and delete buttons in view, the minimap is
 * small and never hides a block just dropped, and the simulator's chat is
 * tall enough to follow a conversation. The API editor is checked at
 * 1440 x 900 too.
 */

let server: ChatflowServer;
let browser: Browser;
let api: OrderApi;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  api = await startOrderApi();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await api?.close();
});

type Box = { x: number; y: number; width: number; height: number };

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The box of the first match, once its animations (a drawer sliding in) have finished. */
async function box(page: Page, selector: string): Promise<Box> {
  const el = page.locator(selector).first();
  await el.waitFor();
  await el.evaluate((e) => Promise.all(e.getAnimations().map((a) => a.finished)));
  const b = await el.boundingBox();
  if (b === null) throw new Error(`${selector} is not on screen`);
  return b;
}

const longDescription =
  'The order number the customer typed when the bot asked for it, letters and digits such as A-1001, checked against the shop before the API call.';

async function seed(page: Page): Promise<void> {
  await rpc(page, 'Attributes.Create', { name: 'order_id', type: 'text', description: longDescription, builtIn: false });
  await rpc(page, 'Attributes.Create', {
    name: 'preferred_delivery_window_for_weekend_orders',
    type: 'text',
    description: 'Averylongwordwithoutanyspacesthatwouldotherwisestretchthetablepasttheedgeofthewindow_and_more',
    builtIn: false,
  });
  await rpc(page, 'APIs.Save', {
    name: 'Order status',
    method: 'GET',
    url: `${api.url}/orders/{{order_id}}`,
    query: [],
    headers: [],
    body: '',
    auth: { type: 'none' },
    timeoutMs: 5000,
    followRedirects: false,
    mappings: [{ path: 'order.status', attribute: 'order_id' }],
  });
}

describe('layout at 1280 x 720', () => {
  it('gives the API editor’s request tabs, test values and response their own room (and at 1440 x 900)', async () => {
    for (const [width, height] of [
      [1280, 720],
      [1440, 900],
    ] as const) {
      const { page, context, errors } = await openApp(browser, server, { hash: '#/apis', width, height });
      try {
        if (width === 1280) await seed(page);
        await page.goto(`${server.uiOrigin}/#/apis`);
        await page.getByRole('navigation', { name: 'Saved APIs' }).getByRole('button', { name: /Order status/ }).click();
        await page.getByRole('complementary', { name: 'Test values' }).getByLabel('{{order_id}}').fill('A-1001');
        await page.getByRole('button', { name: 'Test', exact: true }).click();
        await page.getByTestId('response-status').getByText('200 OK').waitFor();
        const tabs = await box(page, '[role="tablist"][aria-label="Request"]');
        const lastTab = await box(page, '[role="tablist"][aria-label="Request"] [role="tab"]:last-child');
        const values = await box(page, 'aside[aria-label="Test values"]');
        const response = await box(page, '[data-testid="response-pane"]');
        expect(overlaps(tabs, values)).toBe(false);
        expect(overlaps(tabs, response)).toBe(false);
        expect(overlaps(values, response)).toBe(false);
        // Every request tab shows whole, inside the window.
        expect(lastTab.x + lastTab.width).toBeLessThanOrEqual(tabs.x + tabs.width);
        expect(tabs.x + tabs.width).toBeLessThanOrEqual(width);
        expect(response.height).toBeGreaterThanOrEqual(290);
        expect(response.y + response.height).toBeLessThanOrEqual(height);
        await screenshot(page, `layout-apis-${width}`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it('keeps the Attributes table readable with its edit and delete buttons in view', async () => {
    const { page, context, errors } = await openApp(browser, server, { hash: '#/attributes', width: 1280, height: 720 });
    try {
      const table = page.getByRole('table', { name: 'Your attributes' });
      await table.getByText('order_id', { exact: true }).waitFor();
      const panel = await box(page, 'table[aria-label="Your attributes"]');
      expect(panel.x + panel.width).toBeLessThanOrEqual(1280);
      for (const name of ['order_id', 'preferred_delivery_window_for_weekend_orders']) {
        for (const label of [`Edit ${name}`, `Delete ${name}`]) {
          const b = await table.getByRole('button', { name: label }).boundingBox();
          expect(b).not.toBeNull();
          expect(b!.x + b!.width).toBeLessThanOrEqual(panel.x + panel.width);
        }
      }
      // A long description wraps to at most two lines and keeps its whole text in the tooltip.
      const description = table.getByTitle(longDescription);
      const d = await description.boundingBox();
      expect(d!.height).toBeLessThanOrEqual(48);
      await screenshot(page, 'layout-attributes-1280');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps the minimap small and off a dropped block, and the simulator chat tall', async () => {
    const { page, context, errors } = await openApp(browser, server, { width: 1280, height: 720 });
    try {
      const flow = await rpc<{ id: number }>(page, 'Flows.Create', 'Minimap room');
      await page.goto(`${server.uiOrigin}/#/flows/${flow.id}`);
      await canvas(page).waitFor();
      await page.locator('.react-flow__node').first().waitFor();
      const show = page.getByRole('button', { name: 'Show the minimap' });
      if ((await show.count()) > 0) await show.click();
      const area = await box(page, '[data-testid="flow-canvas"]');
      const map = await box(page, '.react-flow__minimap');
      expect(map.width).toBeLessThanOrEqual(160);
      expect(map.height).toBeLessThanOrEqual(100);
      // A block dropped right onto the minimap is panned out from under it.
      const added = await dropNode(page, 'message', { x: map.x - area.x + map.width / 2, y: map.y - area.y + map.height / 2 });
      await expect
        .poll(async () => {
          const now = await box(page, '.react-flow__minimap');
          const card = await node(page, added).boundingBox();
          return card !== null && !overlaps(card, now);
        })
        .toBe(true);
      await screenshot(page, 'layout-minimap-1280');

      await page.keyboard.press('Escape');
      await page.getByTestId('open-simulator').click();
      const sim = await box(page, 'aside[aria-label="Simulator"]');
      const rest = await box(page, '[data-testid="flow-canvas"]');
      const chat = await box(page, '[data-testid="sim-messages"]');
      expect(overlaps(sim, rest)).toBe(false);
      expect(chat.height).toBeGreaterThanOrEqual(400);
      expect(sim.x + sim.width).toBeLessThanOrEqual(1280);
      await screenshot(page, 'layout-simulator-1280');

      // At 1440 x 900 too: the Session details start folded below 960 px of height.
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.reload();
      await page.getByTestId('open-simulator').click();
      await page.locator('[data-testid="sim-messages"]').waitFor();
      expect((await box(page, '[data-testid="sim-messages"]')).height).toBeGreaterThanOrEqual(400);
      await screenshot(page, 'layout-simulator-1440');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
