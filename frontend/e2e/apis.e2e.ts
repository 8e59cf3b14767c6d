/**
 * Browser test of issue 3's walk-through: prepare an attribute, add an API,
 * configure it against a local order API, test it, replace the actual value
 * with the attribute using "{{" (the URL's slashes never open the picker),
 * test again, map values from the response tree to new attributes (one
 * value, and a value of every list item), save, reload and find it all
 * persisted. Then the URL and the Query tab kept in step, and an attribute
 * created from the "/" picker (issue 14, findings 8 and 9).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, screenshot, startServer, type ChatflowServer } from './harness';

let server: ChatflowServer;
let browser: Browser;
let orders: Server;
let ordersUrl: string;
const seen: { url: string; auth: string }[] = [];

/** A small order-status API on 127.0.0.1 that wants a bearer token. */
function orderApi(req: IncomingMessage, res: ServerResponse) {
  seen.push({ url: req.url ?? '', auth: req.headers.authorization ?? '' });
  const m = /^\/orders\/([^/?]+)/.exec(req.url ?? '');
  res.setHeader('Content-Type', 'application/json');
  if (req.headers.authorization !== 'Bearer s3cret-token') {
    res.writeHead(401).end(JSON.stringify({ error: 'missing or wrong token' }));
    return;
  }
  if (m === null) {
    res.writeHead(404).end(JSON.stringify({ error: 'no such path' }));
    return;
  }
  res.writeHead(200).end(
    JSON.stringify({
      order: { id: decodeURIComponent(m[1] ?? ''), status: 'shipped', total: 42.5, paid: true, eta: '2026-12-01' },
      items: [
        { name: 'Green tea', qty: 2 },
        { name: 'Lemon cake', qty: 1 },
      ],
      customer: { name: 'Ana Souza', email: 'ana@example.com' },
    }),
  );
}

beforeAll(async () => {
  orders = createServer(orderApi);
  await new Promise<void>((resolve) => orders.listen(0, '127.0.0.1', resolve));
  ordersUrl = `http://127.0.0.1:${(orders.address() as AddressInfo).port}`;
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise<void>((resolve) => (orders === undefined ? resolve() : orders.close(() => resolve())));
});

async function gotoPage(page: Page, link: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: link, exact: true }).waitFor();
}

describe('custom attributes and Your APIs', () => {
  it('creates an attribute, configures and tests an API, maps the response, and keeps it after a reload', async () => {
    const { page, context, errors } = await openApp(browser, server, { hash: '#/attributes', width: 1440, height: 900 });
    try {
      // 1. Prepare an attribute.
      await page.getByRole('heading', { level: 2, name: 'Remember what customers tell you' }).waitFor();
      await page.getByRole('button', { name: 'New attribute' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'New attribute' });
      await dialog.getByLabel('Name').fill('order id');
      await dialog.getByRole('alert').filter({ hasText: 'letters, digits and underscores' }).waitFor();
      await dialog.getByLabel('Name').fill('order_id');
      await dialog.getByLabel('Description').fill('The order number the customer gives.');
      await dialog.getByRole('button', { name: 'Create attribute' }).click();
      await page.getByRole('table', { name: 'Your attributes' }).getByText('order_id', { exact: true }).waitFor();
      await screenshot(page, 'attributes');

      // 2. Add an API.
      await gotoPage(page, 'APIs');
      await page.getByRole('heading', { level: 2, name: 'Connect your outside APIs' }).waitFor();
      await page.getByRole('button', { name: 'New API' }).first().click();
      await page.getByLabel('API name').fill('Order status');

      // 3. Configure with an actual value first: URL and bearer token.
      const url = page.getByRole('combobox', { name: 'URL' });
      await url.click();
      await page.keyboard.type(`${ordersUrl}/orders/A-1001`);
      await page.getByRole('tab', { name: 'Auth' }).click();
      await page.getByLabel('Type').selectOption('bearer');
      const token = page.getByLabel('Token');
      await token.fill('s3cret-token');
      await expect(token.getAttribute('type')).resolves.toBe('password');

      // 4. Test it.
      await page.getByRole('button', { name: 'Test', exact: true }).click();
      const status = page.getByTestId('response-status');
      await status.getByText('200 OK').waitFor();
      expect(seen.at(-1)).toEqual({ url: '/orders/A-1001', auth: 'Bearer s3cret-token' });

      // 5. Replace the actual value with the attribute: the URL's slashes never opened the picker; "{{" does.
      const picker = page.getByTestId('attribute-picker');
      await expect(picker.count()).resolves.toBe(0);
      await url.click();
      await page.keyboard.press('End');
      for (let i = 0; i < 'A-1001'.length; i++) await page.keyboard.press('Backspace');
      await page.keyboard.type('{{order');
      await picker.getByRole('option', { name: /order_id/ }).waitFor();
      await screenshot(page, 'apis-picker');
      await page.keyboard.press('Enter');
      await expect.poll(() => url.inputValue()).toBe(`${ordersUrl}/orders/{{order_id}}`);
      await expect(picker.count()).resolves.toBe(0);

      // ... and test again with a test value for the placeholder.
      await page.getByRole('complementary', { name: 'Test values' }).getByLabel('{{order_id}}').fill('B 2002');
      await page.getByRole('button', { name: 'Test', exact: true }).click();
      await page.getByRole('list', { name: 'Response body' }).getByText('"B 2002"').waitFor();
      expect(seen.at(-1)).toEqual({ url: '/orders/B%202002', auth: 'Bearer s3cret-token' });
      await status.getByText('200 OK').waitFor();
      await page.getByRole('list', { name: 'Response body' }).getByText('"shipped"').waitFor();
      await screenshot(page, 'apis-tested');

      // 6. Map from the response tree: a value's Map… button, the path said in words.
      const tree = page.getByRole('list', { name: 'Response body' });
      await tree.getByText('"shipped"').hover();
      await tree.getByRole('button', { name: 'Map status in order' }).click();
      const map = page.getByRole('dialog', { name: 'Map to an attribute' });
      await expect(map.getByTestId('map-path-words').textContent()).resolves.toBe('status in order');
      await expect(map.getByLabel('Name').inputValue()).resolves.toBe('order_status');
      await map.getByRole('button', { name: 'Create and map' }).click();
      await tree.getByTestId('tree-mapped').getByText('order_status').waitFor();
      // A value inside a list maps for every item, into a list attribute.
      await tree.getByRole('button', { name: /^0/ }).first().click();
      await tree.getByText('"Green tea"').hover();
      await tree.getByRole('button', { name: 'Map name of item 1 in items' }).focus();
      await page.keyboard.press('Enter');
      await map.getByRole('radio', { name: 'Every item (a list)' }).click();
      await expect(map.getByTestId('map-path-words').textContent()).resolves.toBe('name of each item in items');
      await expect(map.getByLabel('Type').inputValue()).resolves.toBe('list');
      await map.getByLabel('Name').fill('item_names');
      await screenshot(page, 'apis-map-dialog');
      await map.getByRole('button', { name: 'Create and map' }).click();
      await expect(tree.getByTestId('tree-mapped').allTextContents()).resolves.toEqual(['order_status', 'item_names']);
      await screenshot(page, 'apis-mapped-tree');
      await page.getByRole('tab', { name: /Structure/ }).click();
      await page
        .getByRole('list', { name: 'Response structure' })
        .getByRole('button', { name: /^status in order/ })
        .getByText('order_status')
        .waitFor();
      await page.getByRole('tab', { name: /Mappings/ }).click();
      await expect(page.getByLabel('Mapping 2 path').inputValue()).resolves.toBe('items.#.name');
      await expect(page.getByLabel('Mapping 2 attribute').inputValue()).resolves.toBe('item_names');
      await page.getByText('Reads name of each item in items').waitFor();
      await screenshot(page, 'apis-mapped');

      // 7. Save.
      await expect(page.getByTestId('save-state').textContent()).resolves.toContain('Not saved yet');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByTestId('save-state').getByText('Saved').waitFor();

      // 8. Reload and find everything persisted.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'APIs' }).waitFor();
      await page.getByRole('navigation', { name: 'Saved APIs' }).getByRole('button', { name: /Order status/ }).click();
      await expect.poll(() => page.getByRole('combobox', { name: 'URL' }).inputValue()).toBe(`${ordersUrl}/orders/{{order_id}}`);
      await page.getByRole('tab', { name: /Mappings/ }).click();
      await expect(page.getByLabel('Mapping 1 path').inputValue()).resolves.toBe('order.status');
      await expect(page.getByLabel('Mapping 1 attribute').inputValue()).resolves.toBe('order_status');
      await page.getByTestId('response-status').getByText('Sample saved with this API').waitFor();
      await page.getByRole('tab', { name: 'Auth' }).click();
      await expect(page.getByLabel('Token').inputValue()).resolves.toBe('s3cret-token');
      await page.getByRole('tab', { name: 'Log' }).click();
      const log = page.getByRole('list', { name: 'Call log' });
      await log.getByRole('button').first().waitFor();
      await log.getByRole('button').first().click();
      await expect(log.textContent()).resolves.toContain('Bearer ••••');
      await expect(log.textContent()).resolves.not.toContain('s3cret-token');
      await screenshot(page, 'apis-persisted');

      // The new attribute is listed with where it is used.
      await gotoPage(page, 'Attributes');
      const row = page.getByRole('table', { name: 'Your attributes' }).getByRole('row', { name: /order_status/ });
      await row.getByText('API "Order status" (mapping status in order)').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps the URL and the Query tab in step, and creates an attribute from the / picker', async () => {
    const { page, context, errors } = await openApp(browser, server, { hash: '#/apis', width: 1280, height: 720 });
    try {
      await page.getByRole('navigation', { name: 'Saved APIs' }).getByRole('button', { name: 'New API' }).click();
      await page.getByLabel('API name').fill('Search orders');
      const url = page.getByRole('combobox', { name: 'URL' });
      await url.click();
      await page.keyboard.type(`${ordersUrl}/orders?status=open&customer={{order_id}}`);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('attribute-picker').count()).resolves.toBe(0);
      await expect(page.getByLabel('parameter 1 name').inputValue()).resolves.toBe('status');
      await expect(page.getByLabel('parameter 1 value').inputValue()).resolves.toBe('open');
      await expect(page.getByLabel('parameter 2 name').inputValue()).resolves.toBe('customer');
      await expect(page.getByLabel('parameter 2 value').inputValue()).resolves.toBe('{{order_id}}');

      // A row added in the tab is added to the URL, placeholders and order kept.
      await page.getByLabel('parameter 3 name').fill('lang');
      await page.getByLabel('parameter 3 value').fill('en');
      await expect.poll(() => url.inputValue()).toBe(`${ordersUrl}/orders?status=open&customer={{order_id}}&lang=en`);
      await page.getByRole('checkbox', { name: 'Send parameter status' }).uncheck();
      await expect.poll(() => url.inputValue()).toBe(`${ordersUrl}/orders?customer={{order_id}}&lang=en`);
      await screenshot(page, 'apis-query-sync');
      await page.setViewportSize({ width: 1440, height: 900 });
      await screenshot(page, 'apis-query-sync-1440');
      await page.setViewportSize({ width: 1280, height: 720 });

      // "/" after a space offers to create a name nothing matches.
      await page.getByRole('tab', { name: /Headers/ }).click();
      await page.getByLabel('header 1 name').fill('X-Note');
      const note = page.getByLabel('header 1 value');
      await note.click();
      await page.keyboard.type('for /cake_or');
      const picker = page.getByTestId('attribute-picker');
      await picker.getByRole('option', { name: 'Create attribute “cake_or”' }).waitFor();
      await screenshot(page, 'picker-create');
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'New attribute' });
      await expect(dialog.getByLabel('Name').inputValue()).resolves.toBe('cake_or');
      await dialog.getByLabel('Type').selectOption({ label: 'Yes / no' });
      await dialog.getByRole('button', { name: 'Create attribute' }).click();
      await expect.poll(() => note.inputValue()).toBe('for {{cake_or}}');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByTestId('save-state').getByText('Saved').waitFor();

      await gotoPage(page, 'Attributes');
      const row = page.getByRole('table', { name: 'Your attributes' }).getByRole('row', { name: /cake_or/ });
      await row.getByText('Yes / no', { exact: true }).waitFor();
      await row.getByText('API "Search orders" (header X-Note)').waitFor();
      await screenshot(page, 'attributes-1280');
      await page.setViewportSize({ width: 1440, height: 900 });
      await screenshot(page, 'attributes-1440');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('imports a curl command and guards unsaved changes', async () => {
    const { page, context, errors } = await openApp(browser, server, { hash: '#/apis', width: 1440, height: 900 });
    try {
      await page.getByRole('button', { name: 'Import cURL' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import from cURL' });
      await dialog
        .getByLabel('curl command')
        .fill(`curl -X POST '${ordersUrl}/orders?lang=en' -H 'Authorization: Bearer abc' -H 'Content-Type: application/json' -d '{"sku": "A1"}'`);
      await dialog.getByRole('button', { name: 'Import' }).click();
      await expect.poll(() => page.getByRole('combobox', { name: 'URL' }).inputValue()).toBe(`${ordersUrl}/orders?lang=en`);
      await expect(page.getByLabel('Method').inputValue()).resolves.toBe('POST');
      await page.getByRole('tab', { name: /Query/ }).click();
      await expect(page.getByLabel('parameter 1 value').inputValue()).resolves.toBe('en');
      await page.getByRole('tab', { name: /Body/ }).click();
      await page.getByText('Valid JSON').waitFor();
      await screenshot(page, 'apis-imported');

      // Leaving with unsaved changes asks first; keeping editing stays.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flows', exact: true }).click();
      const ask = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
      await ask.getByRole('button', { name: 'Keep editing' }).click();
      expect(new URL(page.url()).hash).toBe('#/apis');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flows', exact: true }).click();
      await page.getByRole('dialog', { name: 'Discard unsaved changes?' }).getByRole('button', { name: 'Discard changes' }).click();
      await page.waitForURL((u) => u.hash === '#/flows');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reads well in the dark theme', async () => {
    const { page, context, errors } = await openApp(browser, server, { hash: '#/apis', colorScheme: 'dark', width: 1440, height: 900 });
    try {
      await page.getByRole('navigation', { name: 'Saved APIs' }).getByRole('button', { name: /Order status/ }).click();
      await page.getByTestId('response-status').getByText('Sample saved with this API').waitFor();
      await page.getByRole('tab', { name: /Structure/ }).click();
      await page.getByRole('list', { name: 'Response structure' }).waitFor();
      await screenshot(page, 'apis-dark');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
