/**
 * Issue 12 end to end: an API's array becomes the customer's choices. A
 * local API returns 14 time slots; the test maps `slots` to a list attribute
 * from the tester's structure, points a list node at it with a title
 * template (the inspector previews the rows from the saved sample), and in
 * the simulator pages through "More…", picks slot 12 and reads its fields
 * in the next message.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvas, connect, dropNode, nodeIds, rpc, waitSaved } from './flowsKit';
import { launchBrowser, openApp, screenshot, startServer, type ChatflowServer } from './harness';

const days = ['Mon 2 June', 'Tue 3 June', 'Wed 4 June'];

/** The 14 slots the test API returns; slot 13's long time is shortened in its title. */
const slots = Array.from({ length: 14 }, (_, i) => ({
  id: `slot-${i + 1}`,
  day: days[Math.floor(i / 5)] ?? days[0],
  time: i === 12 ? '17:30, the last appointment of the day' : `${9 + (i % 5)}:${i % 2 === 0 ? '00' : '30'}`,
  room: `Room ${(i % 3) + 1}`,
  price: 40 + i * 2.5,
}));

let api: Server;
let apiUrl = '';
let server: ChatflowServer;
let browser: Browser;

beforeAll(async () => {
  api = createServer((req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(req.url === '/slots' ? { clinic: 'Harbour Street', slots } : { error: 'not found' }));
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise<void>((resolve) => (api === undefined ? resolve() : api.close(() => resolve())));
});

/** Types into a text field of the inspector whose label starts with label. */
async function inspectorText(page: Page, label: string, text: string): Promise<void> {
  await page
    .getByRole('region', { name: /node$/ })
    .getByRole(label === 'Message' || label === 'Text' ? 'textbox' : 'combobox', { name: new RegExp(`^${label}`) })
    .fill(text);
}

describe('choices from an API array', () => {
  it('maps 14 slots, offers them as list rows in pages and saves the chosen slot whole', async () => {
    const { page, context, errors } = await openApp(browser, server, { hash: '#/apis', width: 1440, height: 900 });
    try {
      await rpc(page, 'Attributes.Create', { name: 'chosen', type: 'text', description: 'The slot the customer picked.', builtIn: false });

      // The API: tested, `slots` mapped from the structure into a new list attribute, saved with its sample.
      await page.getByRole('heading', { level: 2, name: 'Connect your outside APIs' }).waitFor();
      await page.getByRole('button', { name: 'New API' }).first().click();
      await page.getByLabel('API name').fill('Free slots');
      await page.getByRole('combobox', { name: 'URL' }).fill(`${apiUrl}/slots`);
      await page.getByRole('button', { name: 'Test', exact: true }).click();
      await page.getByTestId('response-status').getByText('200 OK').waitFor();
      await page.getByRole('tab', { name: /Structure/ }).click();
      const structure = page.getByRole('list', { name: 'Response structure' });
      const slotsPath = structure.getByRole('button', { name: /^slots\b/ }).first();
      await expect(slotsPath.textContent()).resolves.toMatch(/14 items/);
      await screenshot(page, 'lists-api-structure');
      await slotsPath.click();
      const map = page.getByRole('dialog', { name: 'Map to an attribute' });
      await expect(map.getByLabel('Name').inputValue()).resolves.toBe('slots');
      await expect(map.getByLabel('Type').inputValue()).resolves.toBe('list');
      await map.getByRole('button', { name: 'Create and map' }).click();
      await structure.getByRole('button', { name: /^slots\b/ }).first().getByText('slots', { exact: true }).last().waitFor();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByTestId('save-state').getByText('Saved').waitFor();

      // The flow: start -> the API -> list with rows from slots -> a message reading the chosen slot's fields.
      const flow = await rpc<{ id: number }>(page, 'Flows.Create', 'Book a slot');
      await page.goto(`${server.uiOrigin}/#/flows/${flow.id}`);
      await canvas(page).waitFor();
      const [start] = await nodeIds(page, 'start');
      const call = await dropNode(page, 'api', { x: 20, y: 40 });
      await page.getByRole('combobox', { name: 'API' }).selectOption('Free slots');
      const pick = await dropNode(page, 'list', { x: 360, y: 40 });
      const inspector = page.getByRole('region', { name: /node$/ });
      await inspectorText(page, 'Message', 'Hi {{contact.name}}, which time suits you?');
      await inspector.getByRole('textbox', { name: /^Menu button/ }).fill('Times');
      await inspector.getByText('From a list', { exact: true }).click();
      await expect(inspector.getByRole('radio', { name: 'From a list' }).isChecked()).resolves.toBe(true);
      await inspector.getByRole('combobox', { name: /^List/ }).selectOption('slots');
      await inspectorText(page, 'Row title', '{{item.day}} {{item.time}}');
      await inspectorText(page, 'Row description', '{{item.room}} · {{item.price | number:2}} EUR');
      await inspectorText(page, 'Row id', '{{item.id}}');
      await inspector.getByRole('combobox', { name: 'Save the chosen item in' }).selectOption('chosen');
      const preview = inspector.getByTestId('rows-preview');
      await preview.getByText('Message 1 of 2').waitFor();
      await expect(preview.textContent()).resolves.toContain('From the saved sample of Free slots: 14 items, 2 messages.');
      await preview.getByText('More…').waitFor();
      await preview.scrollIntoViewIfNeeded();
      await screenshot(page, 'lists-node-preview');
      await preview.getByRole('button', { name: 'Next message' }).click();
      await preview.getByText(/^Wed 4 June 17:30.*…$/).waitFor();

      const done = await dropNode(page, 'message', { x: 40, y: 560 });
      // The / picker offers a list's loop and count beside the attribute itself.
      const text = inspector.getByRole('textbox', { name: /^Text/ });
      await text.fill('');
      await text.pressSequentially('Free: /slo');
      const picker = page.getByTestId('attribute-picker');
      await picker.getByRole('option', { name: /\{\{#each slots\}\}/ }).waitFor();
      await picker.getByRole('option', { name: /\{\{slots\.#\}\}/ }).waitFor();
      await screenshot(page, 'lists-picker-loop');
      await text.press('Escape');
      await inspectorText(
        page,
        'Text',
        'Booked: {{chosen.day}} at {{chosen.time}} in {{chosen.room}}, {{chosen.price | number:2}} EUR (ref {{chosen.id}}).',
      );
      await connect(page, start, 'out', call);
      await connect(page, call, '200', pick);
      await connect(page, pick, 'out', done);
      await page.keyboard.press('Control+s');
      await waitSaved(page);

      // The simulator: page 1 has 9 slots and "More…"; page 2 the last 5; slot 12 is picked.
      await page.getByTestId('open-simulator').click();
      const sim = page.getByTestId('simulator');
      const input = sim.getByRole('textbox', { name: 'Message as the customer' });
      await input.fill('hi');
      await input.press('Enter');
      await sim.getByTestId('bot-message').filter({ hasText: 'which time suits you?' }).waitFor();
      await sim.getByRole('button', { name: 'Times' }).last().click();
      let sheet = page.getByRole('dialog', { name: 'Times' });
      const firstPage = await sheet.getByRole('listitem').allTextContents();
      expect(firstPage).toHaveLength(10);
      expect(firstPage[0]).toContain('Mon 2 June 9:00');
      expect(firstPage[9]).toBe('More…');
      await screenshot(page, 'lists-simulator-page1');
      await sheet.getByRole('button', { name: 'More…' }).click();

      await expect.poll(() => sim.getByTestId('bot-message').filter({ hasText: 'which time suits you?' }).count()).toBe(2);
      await sim.getByRole('button', { name: 'Times' }).last().click();
      sheet = page.getByRole('dialog', { name: 'Times' });
      const secondPage = await sheet.getByRole('listitem').allTextContents();
      expect(secondPage).toHaveLength(5);
      for (const title of secondPage) {
        expect([...title.split(/Room/)[0] ?? ''].length).toBeLessThanOrEqual(24);
      }
      await screenshot(page, 'lists-simulator-page2');
      await sheet.getByRole('button', { name: /^Wed 4 June 10:30/ }).click();

      const slot = slots[11];
      const booked = `Booked: ${slot.day} at ${slot.time} in ${slot.room}, ${slot.price.toFixed(2)} EUR (ref ${slot.id}).`;
      await sim.getByTestId('bot-message').filter({ hasText: booked }).waitFor();
      await screenshot(page, 'lists-simulator-chosen');
      expect(errors).toEqual([]);
    } catch (err) {
      await screenshot(page, 'lists-failure');
      throw err;
    } finally {
      await context.close();
    }
  });
});
