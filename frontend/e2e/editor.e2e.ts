import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvas, inspector, node, nodeIds, rpc, selectNode, waitSaved } from './flowsKit';
import { launchBrowser, openApp, screenshot, startServer, type ChatflowServer } from './harness';

/**
 * The flow editor's frame (issue 14): the canvas gets the window, the panels
 * float or dock as drawers without covering each other, a template opens
 * readable, and blocks are added from the keyboard and from a dropped
 * connection.
 */

let server: ChatflowServer;
let browser: Browser;
/** The Order status flow started from the welcome screen's template. */
let orderFlow = 0;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Box = { x: number; y: number; width: number; height: number };

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The box of the first match, once its animations (a drawer sliding in) have finished. */
async function box(page: Page, selector: string): Promise<Box> {
  const el = page.locator(selector).first();
  await el.evaluate((e) => Promise.all(e.getAnimations().map((a) => a.finished)));
  const b = await el.boundingBox();
  if (b === null) throw new Error(`${selector} is not on screen`);
  return b;
}

/** The canvas' zoom, read from React Flow's viewport transform. */
function zoomOf(page: Page): Promise<number> {
  return page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
}

async function openFlow(page: Page, id: number): Promise<void> {
  await page.goto(`${server.uiOrigin}/#/flows/${id}`);
  await canvas(page).waitFor();
  await page.locator('.react-flow__node').first().waitFor();
}

/** Checks the Order status template opened readable, whole and clear of the panels, at the page's size. */
async function expectReadable(page: Page, width: number, height: number): Promise<void> {
  const zoom = await zoomOf(page);
  expect(zoom).toBeGreaterThanOrEqual(0.7);
  expect(zoom).toBeLessThanOrEqual(1);
  // The canvas takes most of the window.
  const area = await box(page, '[data-testid="flow-canvas"]');
  expect((area.width * area.height) / (width * height)).toBeGreaterThan(0.8);
  // The navigation is a rail of icons; no inspector is open with nothing selected.
  expect((await box(page, 'nav[aria-label="Main"]')).width).toBeLessThanOrEqual(56);
  await expect(inspector(page).count()).resolves.toBe(0);
  // Every card is in view and none sits under the toolbar or the block strip.
  const panels = [await box(page, '[role="toolbar"][aria-label="Canvas"]'), await box(page, 'nav[aria-label="Blocks"]')];
  expect(overlaps(panels[0], panels[1])).toBe(false);
  const cards = await page.locator('.react-flow__node').all();
  expect(cards).toHaveLength(14);
  for (const card of cards) {
    const b = await card.boundingBox();
    expect(b).not.toBeNull();
    expect(b!.x).toBeGreaterThanOrEqual(area.x);
    expect(b!.y).toBeGreaterThanOrEqual(area.y);
    expect(b!.x + b!.width).toBeLessThanOrEqual(area.x + area.width);
    expect(b!.y + b!.height).toBeLessThanOrEqual(area.y + area.height);
    for (const p of panels) expect(overlaps(b!, p)).toBe(false);
  }
  // Card text is legible: 14 px at zoom >= 0.7 is at least 9.8 px on screen.
  const px = await node(page, 'ask').locator('[data-node-type]').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(px * zoom).toBeGreaterThanOrEqual(9.8);
}

describe('the flow editor frame', () => {
  it('opens the Order status template readable at 1440 x 900 and 1280 x 720', async () => {
    const big = await openApp(browser, server, { width: 1440, height: 900 });
    try {
      await big.page.getByRole('button', { name: 'Use the Order status template' }).click();
      await big.page.waitForURL((u) => /^#\/flows\/\d+$/.test(u.hash));
      orderFlow = Number(new URL(big.page.url()).hash.split('/')[2]);
      await big.page.getByRole('heading', { level: 1, name: 'Order status' }).waitFor();
      await node(big.page, 'bye').waitFor();
      await expectReadable(big.page, 1440, 900);
      await screenshot(big.page, 'editor-order-status-1440');
      expect(big.errors).toEqual([]);
    } finally {
      await big.context.close();
    }
    const small = await openApp(browser, server, { width: 1280, height: 720 });
    try {
      await openFlow(small.page, orderFlow);
      await node(small.page, 'bye').waitFor();
      await expectReadable(small.page, 1280, 720);
      await screenshot(small.page, 'editor-order-status-1280');
      expect(small.errors).toEqual([]);
    } finally {
      await small.context.close();
    }
  });

  it('opens the inspector as a drawer on a selected node, edits it, and closes it with Escape', async () => {
    const { page, context, errors } = await openApp(browser, server, { width: 1280, height: 720 });
    try {
      await openFlow(page, orderFlow);
      const before = await box(page, '[data-testid="flow-canvas"]');
      await selectNode(page, 'not_yet');
      const drawer = await box(page, 'aside[aria-label="Inspector"]');
      const after = await box(page, '[data-testid="flow-canvas"]');
      // The drawer docks beside the canvas, which gives it the width; the node stays in sight.
      expect(after.width).toBeLessThan(before.width);
      expect(overlaps(after, drawer)).toBe(false);
      const card = await node(page, 'not_yet').boundingBox();
      expect(card!.x + card!.width).toBeLessThanOrEqual(after.x + after.width);
      const text = inspector(page).getByRole('textbox', { name: /^Text/ });
      await text.fill('Order {{order_id}} is being packed.');
      await expect.poll(() => node(page, 'not_yet').textContent()).toContain('is being packed.');
      await screenshot(page, 'editor-inspector-1280');
      // Escape from the field closes the drawer and clears the selection.
      await text.press('Escape');
      await expect.poll(() => inspector(page).count()).toBe(0);
      await expect(page.locator('.react-flow__node.selected').count()).resolves.toBe(0);
      await waitSaved(page);
      const saved = await rpc<{ nodes: { id: string; data: { text?: string } }[] }>(page, 'Flows.Get', orderFlow);
      expect(saved.nodes.find((n) => n.id === 'not_yet')?.data.text).toBe('Order {{order_id}} is being packed.');
      // The simulator docks too, and both drawers fit beside the canvas at 1280 x 720.
      await selectNode(page, 'ask');
      await page.getByTestId('open-simulator').click();
      const sim = await box(page, 'aside[aria-label="Simulator"]');
      const insp = await box(page, 'aside[aria-label="Inspector"]');
      const rest = await box(page, '[data-testid="flow-canvas"]');
      expect(overlaps(sim, insp)).toBe(false);
      expect(overlaps(rest, insp)).toBe(false);
      expect(sim.x + sim.width).toBeLessThanOrEqual(1280);
      const chat = await box(page, '[data-testid="sim-messages"]');
      expect(chat.height).toBeGreaterThan(300);
      await screenshot(page, 'editor-drawers-1280');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('adds a block with Ctrl+K after the selected node, joined to its free output', async () => {
    const { page, context, errors } = await openApp(browser, server, { width: 1440, height: 900 });
    try {
      const flow = await rpc<{ id: number }>(page, 'Flows.Create', 'Keyboard blocks');
      await openFlow(page, flow.id);
      const [start] = await nodeIds(page, 'start');
      await selectNode(page, start);
      await page.keyboard.press('Control+k');
      const menu = page.getByRole('dialog', { name: 'Add a block' });
      await menu.waitFor();
      await screenshot(page, 'editor-add-block-menu');
      await menu.getByRole('combobox', { name: 'Search blocks' }).fill('ques');
      await expect(menu.getByRole('option').count()).resolves.toBe(1);
      await page.keyboard.press('Enter');
      await expect.poll(() => nodeIds(page, 'question')).toHaveLength(1);
      const [ask] = await nodeIds(page, 'question');
      // (A straight edge has no height, so it is "attached" rather than "visible".)
      await page.getByTestId(`rf__edge-e_${start}_out_${ask}`).waitFor({ state: 'attached' });
      // The new block is selected, its drawer open, and it sits right of the start.
      await inspector(page).locator('[title="Node id"]', { hasText: ask }).waitFor();
      const a = await node(page, start).boundingBox();
      const b = await node(page, ask).boundingBox();
      expect(b!.x).toBeGreaterThan(a!.x + a!.width);
      // Arrow keys nudge it (one undo step), Delete removes it, Ctrl+Z brings it back.
      await canvas(page).focus();
      const x0 = b!.x;
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect.poll(async () => (await node(page, ask).boundingBox())!.x).toBeGreaterThan(x0 + 16);
      await page.keyboard.press('Control+z');
      await expect.poll(async () => (await node(page, ask).boundingBox())!.x).toBeCloseTo(x0, 0);
      await page.keyboard.press('Delete');
      await expect.poll(() => nodeIds(page, 'question')).toHaveLength(0);
      await page.keyboard.press('Control+z');
      await expect.poll(() => nodeIds(page, 'question')).toHaveLength(1);
      await page.keyboard.press('Control+Shift+z');
      await expect.poll(() => nodeIds(page, 'question')).toHaveLength(0);
      await page.keyboard.press('Control+s');
      await waitSaved(page);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens the block menu where a connection is dropped on empty canvas and joins the new block there', async () => {
    const { page, context, errors } = await openApp(browser, server, { width: 1440, height: 900 });
    try {
      const flow = await rpc<{ id: number }>(page, 'Flows.Create', 'Dropped connection');
      await openFlow(page, flow.id);
      const [start] = await nodeIds(page, 'start');
      const handle = await page.locator(`.react-flow__handle.source[data-nodeid="${start}"]`).boundingBox();
      const from = { x: handle!.x + handle!.width / 2, y: handle!.y + handle!.height / 2 };
      // Below and a little right of the start, which a new flow shows in the middle of the canvas.
      const to = { x: from.x + 100, y: from.y + 160 };
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x + 40, from.y + 60, { steps: 5 });
      await page.mouse.move(to.x, to.y, { steps: 5 });
      await page.mouse.up();
      const menu = page.getByRole('dialog', { name: 'Add a block' });
      await menu.waitFor();
      // The menu opens at the drop point (below it, or above it near the bottom) and offers
      // nothing that cannot follow an output (a second start).
      const m = await menu.boundingBox();
      expect(Math.abs(m!.x - to.x)).toBeLessThan(40);
      expect(Math.min(Math.abs(m!.y - to.y), Math.abs(m!.y + m!.height - to.y))).toBeLessThan(40);
      await expect(menu.getByTestId('block-start').count()).resolves.toBe(0);
      await screenshot(page, 'editor-connection-drop');
      await menu.getByTestId('block-message').click();
      await expect.poll(() => nodeIds(page, 'message')).toHaveLength(1);
      const [msg] = await nodeIds(page, 'message');
      await page.getByTestId(`rf__edge-e_${start}_out_${msg}`).waitFor({ state: 'attached' });
      // Its input handle is where the connection was dropped, relative to the start's output
      // (the inspector drawer opening on the new block may pan the canvas to keep it in view).
      // Both handles are read in one evaluation: a pan may still be under way.
      const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
      const offset = () =>
        page.evaluate(
          ([target, source]) => {
            const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
            const a = box(target);
            const b = box(source);
            return { dx: a.x + a.width / 2 - (b.x + b.width / 2), dy: a.y + a.height / 2 - (b.y + b.height / 2) };
          },
          [`.react-flow__handle.target[data-nodeid="${msg}"]`, `.react-flow__handle.source[data-nodeid="${start}"]`],
        );
      const { dx, dy } = await offset();
      expect(Math.abs(dx - (to.x - from.x))).toBeLessThan(24);
      expect(Math.abs(dy - (to.y - from.y))).toBeLessThan(24);
      // Escape closes the menu without adding anything.
      // (From the new block's output, which is free; Escape first closes its drawer.)
      await page.keyboard.press('Escape');
      await expect.poll(() => inspector(page).count()).toBe(0);
      // Closing the drawer widens the canvas, which may pan it: drag once the handle stays put.
      const handleOut = page.locator(`.react-flow__handle.source[data-nodeid="${msg}"]`);
      let last = JSON.stringify(await handleOut.boundingBox());
      for (let i = 0; i < 30; i++) {
        await page.waitForTimeout(150);
        const now = JSON.stringify(await handleOut.boundingBox());
        if (now === last) break;
        last = now;
      }
      const next = centre((await handleOut.boundingBox())!);
      await page.mouse.move(next.x, next.y);
      await page.mouse.down();
      await page.mouse.move(next.x - 60, next.y + 60, { steps: 4 });
      await page.mouse.move(next.x - 120, next.y + 140, { steps: 4 });
      await page.mouse.up();
      await menu.waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => menu.count()).toBe(0);
      await expect(page.locator('.react-flow__node').count()).resolves.toBe(2);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('offers an attribute created on the Attributes page in the editor without a reload', async () => {
    const { page, context, errors } = await openApp(browser, server, { width: 1440, height: 900 });
    try {
      // The pickers load the list in the editor first.
      await openFlow(page, orderFlow);
      await selectNode(page, 'ask');
      const saveIn = inspector(page).getByRole('combobox', { name: 'Save the answer in' });
      await expect(saveIn.locator('option', { hasText: 'cake_order' }).count()).resolves.toBe(0);
      // Create one on the Attributes page, in the same page load.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Attributes' }).click();
      await page.getByRole('button', { name: 'New attribute' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'New attribute' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill('cake_order');
      await dialog.getByRole('button', { name: 'Create attribute' }).click();
      await page.getByRole('table', { name: 'Your attributes' }).getByText('cake_order', { exact: true }).waitFor();
      // Back in the editor: the question's list and the / picker offer it.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flows', exact: true }).click();
      await openFlow(page, orderFlow);
      await selectNode(page, 'ask');
      await expect.poll(() => saveIn.locator('option', { hasText: 'cake_order' }).count()).toBe(1);
      await selectNode(page, 'not_yet');
      const text = inspector(page).getByRole('textbox', { name: /^Text/ });
      await text.click();
      await text.press('End');
      await text.pressSequentially(' /cake');
      const picker = page.getByTestId('attribute-picker');
      await picker.getByRole('option', { name: /cake_order/ }).waitFor();
      await screenshot(page, 'editor-attribute-refresh');
      await page.keyboard.press('Enter');
      await expect.poll(() => text.inputValue()).toContain('{{cake_order}}');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
