import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bigFlowBundle,
  canvas,
  connect,
  dropNode,
  node,
  nodeIds,
  rpc,
  seedOrderApi,
  selectNode,
  startOrderApi,
  waitSaved,
  type OrderApi,
} from './flowsKit';
import { launchBrowser, openApp, screenshot, startServer, type ChatflowServer } from './harness';

/** The example bundle a newcomer imports (docs/examples). */
const bundlePath = path.resolve(import.meta.dirname, '../../docs/examples/order-status.json');

let server: ChatflowServer;
let browser: Browser;
let orderApi: OrderApi;
/** The flow the first test builds; later tests reopen it. */
let flowId = 0;

beforeAll(async () => {
  orderApi = await startOrderApi();
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await orderApi?.close();
});

async function openEditor(page: Page, id: number): Promise<void> {
  await page.goto(`${server.uiOrigin}/#/flows/${id}`);
  await canvas(page).waitFor();
  await page.locator('.react-flow__node').first().waitFor();
}

/** Types into the inspector's text area whose label starts with label. */
async function fillText(page: Page, label: string, text: string): Promise<void> {
  const box = page.getByRole('region', { name: /node$/ }).getByRole('textbox', { name: new RegExp(`^${label}`) });
  await box.fill(text);
}

describe('flow editor in the browser', () => {
  it('builds an order-status flow from an empty canvas and saves it', async () => {
    const { page, context, errors } = await openApp(browser, server, { width: 1600, height: 1000 });
    try {
      await seedOrderApi(page, orderApi);
      // A newcomer on an empty database lands on the welcome screen and starts blank.
      await page.getByRole('heading', { name: 'Welcome to Chatflow Studio' }).waitFor();
      await page.getByRole('button', { name: 'Start blank' }).click();
      await canvas(page).waitFor();
      await page.getByRole('button', { name: 'Rename flow' }).click();
      await page.getByRole('textbox', { name: 'Name' }).fill('Order help');
      await page.getByRole('button', { name: 'Rename', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Order help' }).waitFor();
      const [start] = await nodeIds(page, 'start');
      expect(start).toBeDefined();
      flowId = Number(new URL(page.url()).hash.split('/')[2]);
      expect(flowId).toBeGreaterThan(0);

      // Zoom out so every new node fits on screen around the start node.
      await page.getByRole('button', { name: 'Zoom Out' }).click();
      await page.getByRole('button', { name: 'Zoom Out' }).click();

      const menu = await dropNode(page, 'buttons', { x: 100, y: 80 });
      await fillText(page, 'Message', 'Hi {{contact.name}}! What can we do for you?');
      await page.getByRole('textbox', { name: 'Button 1 title' }).fill('Track my order');
      await page.getByRole('textbox', { name: 'Button 2 title' }).fill('Talk to a person');

      const ask = await dropNode(page, 'question', { x: 100, y: 600 });
      await fillText(page, 'Question', 'What is your order number?');
      await page.getByRole('combobox', { name: 'Save the answer in' }).selectOption('order_id');

      const call = await dropNode(page, 'api', { x: 330, y: 80 });
      await page.getByRole('combobox', { name: 'API' }).selectOption('Order status');
      await page.getByRole('button', { name: 'Remove route 404' }).click();
      await page.getByRole('textbox', { name: 'New route' }).fill('404');
      await page.getByRole('button', { name: 'Add', exact: true }).click();

      const found = await dropNode(page, 'message', { x: 610, y: 80 });
      await fillText(page, 'Text', 'Order {{order_id}} is *{{order_status}}*.');
      const missing = await dropNode(page, 'message', { x: 610, y: 300 });
      await fillText(page, 'Text', 'We could not find order {{order_id}}.');
      const person = await dropNode(page, 'handoff', { x: 330, y: 640 });
      const end = await dropNode(page, 'end', { x: 610, y: 640 });
      await fillText(page, 'Last message', 'Thanks for writing!');

      await connect(page, start, 'out', menu);
      await connect(page, menu, 'b1', ask);
      await connect(page, menu, 'b2', person);
      await connect(page, ask, 'out', call);
      await connect(page, ask, 'invalid', person);
      await connect(page, call, '200', found);
      await connect(page, call, '404', missing);
      await connect(page, call, 'others', person);
      await connect(page, found, 'out', end);
      await connect(page, missing, 'out', end);

      await page.getByRole('button', { name: 'Auto-layout' }).click();
      await page.keyboard.press('Control+s');
      await waitSaved(page);
      await expect(page.getByTestId('problems-button').textContent()).resolves.toBe('No problems');
      await screenshot(page, 'flows-built');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps the flow across a reload', async () => {
    const { page, context } = await openApp(browser, server, { width: 1600, height: 1000 });
    try {
      await openEditor(page, flowId);
      expect(await page.locator('.react-flow__node').count()).toBe(8);
      expect(await page.locator('.react-flow__edge').count()).toBe(10);
      const [menu] = await nodeIds(page, 'buttons');
      await expect(node(page, menu).textContent()).resolves.toContain('Track my order');
      const [call] = await nodeIds(page, 'api');
      await expect(node(page, call).textContent()).resolves.toMatch(/Order status.*200.*404.*Others/);
      await selectNode(page, call);
      await expect(page.getByRole('combobox', { name: 'API' }).inputValue()).resolves.toBe('Order status');
    } finally {
      await context.close();
    }
  });

  it('chats through the flow in the simulator to the end, calling the real API', async () => {
    const { page, context, errors } = await openApp(browser, server, { width: 1920, height: 1080 });
    try {
      await openEditor(page, flowId);
      await page.getByTestId('open-simulator').click();
      const sim = page.getByTestId('simulator');
      const input = sim.getByRole('textbox', { name: 'Message as the customer' });
      await input.fill('hi');
      await input.press('Enter');
      await sim.getByRole('button', { name: 'Track my order' }).click();
      await sim.getByTestId('bot-message').filter({ hasText: 'What is your order number?' }).waitFor();
      const [ask] = await nodeIds(page, 'question');
      await expect(node(page, ask).locator('[data-node-type]').getAttribute('class')).resolves.toMatch(/current/);

      await input.fill('A-1001');
      await input.press('Enter');
      await sim.getByTestId('bot-message').filter({ hasText: 'Order A-1001 is shipped.' }).waitFor();
      await sim.getByTestId('bot-message').filter({ hasText: 'Thanks for writing!' }).waitFor();
      await sim.getByTestId('sim-note').filter({ hasText: 'The conversation ended' }).waitFor();
      expect(orderApi.requests).toContain('/orders/A-1001');
      await expect(sim.getByTestId('sim-attributes').textContent()).resolves.toContain('shipped');
      await sim.getByRole('tab', { name: /API calls/ }).click();
      await expect(sim.getByTestId('sim-calls').textContent()).resolves.toMatch(/Order status.*200.*→ 200/);
      await screenshot(page, 'flows-simulator');
      // The picture for the docs: the flow fitted beside the simulator.
      await sim.getByRole('tab', { name: /Attributes/ }).click();
      await page.getByRole('button', { name: 'Fit view' }).click();
      await page.waitForTimeout(400);
      await screenshot(page, 'flows-editor-showcase');

      // Restart and take the 404 branch.
      await sim.getByRole('button', { name: 'Restart the conversation' }).click();
      await input.fill('hello');
      await input.press('Enter');
      await sim.getByRole('button', { name: 'Track my order' }).click();
      await sim.getByTestId('bot-message').filter({ hasText: 'What is your order number?' }).waitFor();
      await input.fill('Z-9');
      await input.press('Enter');
      await sim.getByTestId('bot-message').filter({ hasText: 'We could not find order Z-9.' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('refuses to publish a flow with errors and says why, then publishes a valid one', async () => {
    const { page, context } = await openApp(browser, server, { width: 1600, height: 1000 });
    try {
      const draft = await rpc<{ id: number }>(page, 'Flows.Create', 'Unfinished');
      await openEditor(page, draft.id);
      const [start] = await nodeIds(page, 'start');
      const ask = await dropNode(page, 'question', { x: 520, y: 200 });
      await connect(page, start, 'out', ask);
      await node(page, ask).getByTestId('node-problems').waitFor();
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      const toast = page.getByRole('alert').filter({ hasText: 'Not published' });
      await toast.waitFor();
      await expect(toast.textContent()).resolves.toContain('Choose the attribute to save into');
      await page.getByTestId('problems-button').click();
      await page.getByRole('region', { name: 'Problems' }).getByText('Choose the attribute to save into.').waitFor();
      await screenshot(page, 'flows-publish-refused');

      await page.goto(`${server.uiOrigin}/#/flows`);
      const row = page.getByRole('row', { name: /Order help/ });
      await row.getByRole('button', { name: 'Publish' }).click();
      await row.getByText('Live').waitFor();
      const refused = page.getByRole('row', { name: /Unfinished/ });
      await refused.getByRole('button', { name: 'Publish' }).click();
      await page.getByRole('alert').filter({ hasText: 'Not published' }).filter({ hasText: 'to fix before it can go live' }).last().waitFor();
      await expect(refused.getByText('Live').count()).resolves.toBe(0);
      await screenshot(page, 'flows-list');
    } finally {
      await context.close();
    }
  });

  it('copies, pastes, undoes, redoes and deletes with the keyboard', async () => {
    const { page, context } = await openApp(browser, server, { width: 1600, height: 1000 });
    try {
      const scratch = await rpc<{ id: number }>(page, 'Flows.Create', 'Keyboard');
      await openEditor(page, scratch.id);
      const msg = await dropNode(page, 'message', { x: 480, y: 160 });
      const count = () => page.locator('.react-flow__node').count();
      expect(await count()).toBe(2);
      await canvas(page).click({ position: { x: 200, y: 700 } });
      await selectNode(page, msg);
      await page.keyboard.press('Control+c');
      await page.keyboard.press('Control+v');
      await expect.poll(count).toBe(3);
      await page.keyboard.press('Control+z');
      await expect.poll(count).toBe(2);
      await page.keyboard.press('Control+Shift+z');
      await expect.poll(count).toBe(3);
      await page.keyboard.press('Delete');
      await expect.poll(count).toBe(2);
      await page.keyboard.press('Control+y');
      await expect.poll(count).toBe(2);
      await page.keyboard.press('Control+z');
      await expect.poll(count).toBe(3);
      // Typing in the inspector keeps its own undo and does not delete nodes.
      await selectNode(page, msg);
      const text = page.getByRole('region', { name: /node$/ }).getByRole('textbox', { name: /^Text/ });
      await text.fill('Hello there');
      await text.press('Backspace');
      await expect.poll(count).toBe(3);
      await expect(node(page, msg).textContent()).resolves.toContain('Hello ther');
      // Back on the canvas, Ctrl+Z undoes the typing as one step.
      await canvas(page).click({ position: { x: 200, y: 700 } });
      await page.keyboard.press('Control+z');
      await expect.poll(() => node(page, msg).textContent()).toContain('contact.name');
      await expect.poll(count).toBe(3);
      await page.keyboard.press('Control+s');
      await waitSaved(page);
    } finally {
      await context.close();
    }
  });

  it('never loses unsaved work silently: leaving saves, closing asks', async () => {
    const { page, context } = await openApp(browser, server, { width: 1600, height: 1000 });
    try {
      const list = await rpc<{ id: number; name: string }[]>(page, 'Flows.List');
      const keyboard = list.find((f) => f.name === 'Keyboard');
      await openEditor(page, keyboard?.id ?? 0);
      const [msg] = await nodeIds(page, 'message');
      await selectNode(page, msg);
      const text = page.getByRole('region', { name: /node$/ }).getByRole('textbox', { name: /^Text/ });
      await text.fill('Saved on the way out');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flows', exact: true }).click();
      await page.getByRole('row', { name: /Keyboard/ }).waitFor();
      await expect
        .poll(async () => JSON.stringify(await rpc(page, 'Flows.Get', keyboard?.id)))
        .toContain('Saved on the way out');

      await openEditor(page, keyboard?.id ?? 0);
      await selectNode(page, msg);
      await page.getByRole('region', { name: /node$/ }).getByRole('textbox', { name: /^Text/ }).fill('Not yet saved');
      const asked = page.waitForEvent('dialog');
      await page.close({ runBeforeUnload: true });
      const dialog = await asked;
      expect(dialog.type()).toBe('beforeunload');
      await dialog.dismiss();
    } finally {
      await context.close();
    }
  });

  it('duplicates, renames and deletes flows from the list', async () => {
    const { page, context } = await openApp(browser, server, { width: 1600, height: 1000 });
    try {
      await page.goto(`${server.uiOrigin}/#/flows`);
      await page.getByRole('button', { name: 'Duplicate Keyboard' }).click();
      await page.getByRole('row', { name: /Keyboard \(copy\)/ }).waitFor();
      await page.getByRole('button', { name: 'Rename Keyboard (copy)' }).click();
      const dialog = page.getByRole('dialog', { name: 'Rename flow' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill('Order help');
      // A taken name is a coded error: HTTP 409 with {error, code} over RPC, the
      // sentence in the dialog (and the bundle import below offers to replace on
      // that code alone).
      const answered = page.waitForResponse((r) => r.url().endsWith('/rpc/Flows.Rename'));
      await dialog.getByRole('button', { name: 'Rename' }).click();
      const answer = await answered;
      expect(answer.status()).toBe(409);
      expect(await answer.json()).toEqual({ error: 'A flow named "Order help" already exists.', code: 'ECONFLICT', field: 'name' });
      await dialog.getByText('A flow named "Order help" already exists.').waitFor();
      const rejection = await page.evaluate(async () => {
        const flows = (window as unknown as { go: { app: { Flows: { Rename: (id: number, name: string) => Promise<void> } } } }).go
          .app.Flows;
        return flows.Rename(0, 'Order help').then(
          () => null,
          (e: unknown) => e,
        );
      });
      expect(rejection).toMatchObject({ code: 'ENOTFOUND', field: '' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill('Scratch');
      await dialog.getByRole('button', { name: 'Rename' }).click();
      await page.getByRole('row', { name: /Scratch/ }).waitFor();
      await page.getByRole('button', { name: 'Delete Scratch' }).click();
      await page.getByRole('dialog', { name: 'Delete "Scratch"?' }).getByRole('button', { name: 'Delete flow' }).click();
      await expect.poll(() => page.getByRole('row', { name: /Scratch/ }).count()).toBe(0);
      await page.getByRole('row', { name: /Keyboard/ }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('imports the example bundle (asking before replacing) and exports a bundle', async () => {
    const { page, context } = await openApp(browser, server, { width: 1600, height: 1000 });
    try {
      await page.goto(`${server.uiOrigin}/#/flows`);
      await page.getByRole('row', { name: /Order help/ }).waitFor();
      await page.getByTestId('import-file').setInputFiles(bundlePath);
      const dialog = page.getByRole('dialog', { name: 'Replace what already exists?' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Replace and import' }).click();
      await page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: 'Bundle imported' }).first().waitFor();
      const imported = page.getByRole('row', { name: /^Order status/ });
      await imported.getByText('Live').waitFor();
      await imported.getByRole('link', { name: 'Order status' }).click();
      await canvas(page).waitFor();
      await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(5);
      await page.goto(`${server.uiOrigin}/#/flows`);

      await page.getByRole('button', { name: 'Export' }).click();
      const download = page.waitForEvent('download');
      await page.getByRole('dialog', { name: 'Export bundle' }).getByRole('button', { name: 'Download' }).click();
      const file = await (await download).path();
      const bundle = JSON.parse(await readFile(file, 'utf8')) as { format: string; flows: { name: string }[] };
      expect(bundle.format).toBe('chatflow-bundle');
      expect(bundle.flows.map((f) => f.name).sort()).toEqual(['Keyboard', 'Order help', 'Order status', 'Unfinished']);
    } finally {
      await context.close();
    }
  });

  it('opens a big flow on its start, rendering only what is in view, and fits it on demand', async () => {
    const { page, context, errors } = await openApp(browser, server, { width: 1920, height: 1200 });
    try {
      await page.goto(`${server.uiOrigin}/#/flows`);
      // 120 nodes on 12 columns: too many to open whole, few enough to fit.
      await rpc(page, 'Flows.ImportBundle', bigFlowBundle('Many steps', 120, 12), false);
      const flows = await rpc<{ id: number; name: string }[]>(page, 'Flows.List');
      const big = flows.find((f) => f.name === 'Many steps')!;
      await openEditor(page, big.id);
      // The start is in view at a readable zoom; most of the flow is not rendered.
      await node(page, 'n0').waitFor();
      const shown = await page.locator('.react-flow__node').count();
      expect(shown).toBeGreaterThan(4);
      expect(shown).toBeLessThan(120);
      const zoom = await page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
      expect(zoom).toBeCloseTo(0.8, 2);
      // Fit view frames all of it, nodes never rendered before included.
      await page.getByRole('button', { name: 'Fit view' }).click();
      await expect.poll(() => page.locator('.react-flow__node').count()).toBe(120);
      await node(page, 'n119').waitFor();
      await screenshot(page, 'flows-big-fitted');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
