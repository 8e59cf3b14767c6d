import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigFlowBundle } from '../flowsKit';
import { launchBrowser, screenshot, startServer, type ChatflowServer } from '../harness';

/** The editor must be usable on a 500-node flow within this (issue 6). */
const targetMs = 1000;
const nodeCount = 500;
const runs = 3;

async function rpc<T>(server: ChatflowServer, method: string, args: unknown[]): Promise<T> {
  const res = await fetch(`${server.uiOrigin}/rpc/${method}?token=${server.token}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(args),
  });
  const body: unknown = await res.json();
  if (!res.ok) {
    throw new Error(`${method}: ${res.status} ${JSON.stringify(body)}`);
  }
  return body as T;
}

interface Timing {
  firstRenderMs: number;
  interactiveMs: number;
  nodes: number;
}

/**
 * Loads the editor on the flow in a fresh page and measures, from the start
 * of navigation (the whole app loads: HTML, scripts, the flow over RPC): the first node on the canvas (first render), and the moment
 * a click on a node selects it (interactive: React Flow has mounted the
 * nodes and the main thread answers input).
 */
async function measure(browser: Browser, server: ChatflowServer, flowId: number): Promise<{ timing: Timing; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // The cookie first, so the measured load is the editor itself.
  await context.addCookies([{ name: 'chatflow_token', value: server.token, url: server.uiOrigin }]);
  const page = await context.newPage();
  // Wall-clock time from the test's side: the page's own performance.now()
  // counts from when the browser created the tab, not from this navigation.
  const start = performance.now();
  await page.goto(`${server.uiOrigin}/#/flows/${flowId}`);
  await page.waitForFunction(() => document.querySelector('.react-flow__node') !== null, undefined, { polling: 'raf' });
  const firstRenderMs = performance.now() - start;
  // Click the middle of a node that lies inside the canvas (at this zoom
  // some nodes sit under the panels).
  const point = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    for (const el of document.querySelectorAll('.react-flow__node')) {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x > pane.left + 40 && x < pane.right - 240 && y > pane.top + 80 && y < pane.bottom - 180) {
        return { x, y };
      }
    }
    return null;
  });
  if (point === null) {
    throw new Error('no node lies inside the canvas');
  }
  await page.mouse.click(point.x, point.y);
  await page.waitForFunction(() => document.querySelector('.react-flow__node.selected') !== null, undefined, { polling: 'raf' });
  const interactiveMs = performance.now() - start;
  const nodes = await page.locator('.react-flow__node').count();
  return { timing: { firstRenderMs, interactiveMs, nodes }, page };
}

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

describe('editor benchmark', () => {
  it(`opens a ${nodeCount}-node flow: first render and interactive`, async () => {
    await rpc(server, 'Flows.ImportBundle', [bigFlowBundle('Big flow', nodeCount), false]);
    await rpc(server, 'Flows.ImportBundle', [bigFlowBundle('Small flow', 2), false]);
    const flows = await rpc<{ id: number; name: string }[]>(server, 'Flows.List', []);
    const big = flows.find((f) => f.name === 'Big flow');
    const small = flows.find((f) => f.name === 'Small flow');
    expect(big).toBeDefined();
    expect(small).toBeDefined();
    const saved = await rpc<{ nodes: unknown[] }>(server, 'Flows.Get', [big!.id]);
    expect(saved.nodes).toHaveLength(nodeCount);

    // The same measurement on a 2-node flow is the floor: loading the app.
    const reference: Timing[] = [];
    const timings: Timing[] = [];
    for (let i = 0; i < runs; i++) {
      const ref = await measure(browser, server, small!.id);
      reference.push(ref.timing);
      await ref.page.context().close();
      const { timing, page } = await measure(browser, server, big!.id);
      timings.push(timing);
      if (i === runs - 1) {
        await screenshot(page, 'bench-editor-500');
      }
      await page.context().close();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const first = median(timings.map((t) => t.firstRenderMs));
    const interactive = median(timings.map((t) => t.interactiveMs));
    const verdict = interactive < targetMs ? 'ok' : 'MISSED';
    const rows = [
      `editor benchmark: ${nodeCount}-node flow, ${runs} cold page loads, median (each run: ${timings
        .map((t) => `${t.firstRenderMs.toFixed(0)}/${t.interactiveMs.toFixed(0)} ms`)
        .join(', ')})`,
      `  first render      ${first.toFixed(0).padStart(6)} ms`,
      `  interactive       ${interactive.toFixed(0).padStart(6)} ms   target < ${targetMs} ms   ${verdict}`,
      `  nodes on canvas   ${String(timings[0].nodes).padStart(6)}`,
      `  2-node flow       ${median(reference.map((t) => t.firstRenderMs)).toFixed(0).padStart(6)} ms first render, ${median(
        reference.map((t) => t.interactiveMs),
      ).toFixed(0)} ms interactive (loading the app)`,
    ];
    console.log(rows.join('\n'));
    expect(timings.every((t) => t.nodes > 0)).toBe(true);
    // A gross failure (a hang, a broken editor) fails the run; the target
    // itself is reported, like the load benchmark's.
    expect(interactive).toBeLessThan(10 * targetMs);
  });
});
