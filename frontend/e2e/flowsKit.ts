/**
 * Helpers of the flow editor's browser tests: a small order API on 127.0.0.1,
 * RPC calls through the page, and canvas gestures (drop from the palette,
 * connect two handles, select a node).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from 'playwright-core';

/** An order-status API the API node calls during the tests. */
export interface OrderApi {
  /** Base URL such as http://127.0.0.1:41234 */
  url: string;
  /** Paths requested so far, in order. */
  requests: string[];
  close: () => Promise<void>;
}

/** The orders the fake API knows. */
export const orders: Record<string, { status: string; eta: string }> = {
  'A-1001': { status: 'shipped', eta: '2025-06-02' },
  'B-2002': { status: 'processing', eta: '2025-06-09' },
};

/**
 * Starts the order API on a free loopback port: GET /orders/<id> answers 200
 * with {"order": {...}} for a known id and 404 with an error otherwise.
 */
export async function startOrderApi(): Promise<OrderApi> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const m = /^\/orders\/([^/?]+)/.exec(req.url ?? '');
    const order = m === null ? undefined : orders[decodeURIComponent(m[1] ?? '')];
    res.setHeader('Content-Type', 'application/json');
    if (order === undefined) {
      res.statusCode = 404;
      res.end(JSON.stringify({ error: 'no such order' }));
      return;
    }
    res.end(JSON.stringify({ order: { id: m?.[1], ...order } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Calls a bound Go method through the page's browser-mode RPC and returns its JSON answer. */
export async function rpc<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  const res = await page.evaluate(
    async ({ method, args }) => {
      const r = await fetch(`/rpc/${method}`, { method: 'POST', body: JSON.stringify(args) });
      return { status: r.status, body: (await r.json()) as unknown };
    },
    { method, args },
  );
  if (res.status !== 200) {
    throw new Error(`${method} answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return res.body as T;
}

/** Creates the attributes and the "Order status" API the test flow uses. */
export async function seedOrderApi(page: Page, api: OrderApi): Promise<void> {
  for (const [name, description] of [
    ['order_id', 'The order number the customer typed.'],
    ['order_status', 'Status from the order API.'],
  ]) {
    await rpc(page, 'Attributes.Create', { name, type: 'text', description, builtIn: false });
  }
  await rpc(page, 'APIs.Save', {
    name: 'Order status',
    method: 'GET',
    url: `${api.url}/orders/{{order_id}}`,
    query: [],
    headers: [{ key: 'Accept', value: 'application/json' }],
    body: '',
    auth: { type: 'none' },
    timeoutMs: 5000,
    followRedirects: false,
    mappings: [{ path: 'order.status', attribute: 'order_status' }],
  });
}

/** The canvas of the editor. */
export function canvas(page: Page): Locator {
  return page.getByTestId('flow-canvas');
}

/** The canvas node with this id. */
export function node(page: Page, id: string): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

/** Returns the ids of the canvas nodes of a type, in document order. */
export async function nodeIds(page: Page, type: string): Promise<string[]> {
  const ids = await page.locator(`.react-flow__node-${type}`).evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
  return ids.filter((id) => id !== '');
}

/**
 * Drags a node type from the palette onto the canvas at a point (relative to
 * the canvas) and returns the new node's id.
 */
export async function dropNode(page: Page, type: string, at: { x: number; y: number }): Promise<string> {
  const before = new Set(await nodeIds(page, type));
  await page.getByTestId(`palette-${type}`).dragTo(canvas(page), { targetPosition: at });
  for (let i = 0; i < 50; i++) {
    const added = (await nodeIds(page, type)).find((id) => !before.has(id));
    if (added !== undefined) return added;
    await page.waitForTimeout(100);
  }
  throw new Error(`dropping a ${type} node added nothing`);
}

/** Draws an edge by dragging from an output handle of source to the input of target. */
export async function connect(page: Page, source: string, handle: string, target: string): Promise<void> {
  const from = page.locator(`.react-flow__handle.source[data-nodeid="${source}"][data-handleid="${handle}"]`);
  const to = page.locator(`.react-flow__handle.target[data-nodeid="${target}"]`);
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (a === null || b === null) {
    throw new Error(`cannot connect ${source}.${handle} to ${target}: a handle is not on screen`);
  }
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.getByTestId(`rf__edge-e_${source}_${handle}_${target}`).waitFor({ timeout: 5000 });
}

/** The inspector drawer, open while one node is selected. */
export function inspector(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Inspector' });
}

/** Selects a node by clicking its header, so the inspector drawer opens on it. */
export async function selectNode(page: Page, id: string): Promise<void> {
  const box = await node(page, id).boundingBox();
  if (box === null) throw new Error(`node ${id} is not on screen`);
  await node(page, id).click({ position: { x: box.width / 2, y: Math.min(14, box.height / 4) } });
  await inspector(page).locator('[title="Node id"]', { hasText: id }).waitFor();
}

/** Waits until the editor says the flow is saved. */
export async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: 10_000 });
}

/**
 * A bundle with one flow of `count` nodes: a start, message nodes in a
 * chain laid out on a grid, and an end, every one connected.
 */
export function bigFlowBundle(name: string, count: number, columns = 25): string {
  const nodes = Array.from({ length: count }, (_, i) => {
    const type = i === 0 ? 'start' : i === count - 1 ? 'end' : 'message';
    const data = type === 'message' ? { text: `Step ${i}: thanks {{contact.name}}, one moment.` } : {};
    return { id: `n${i}`, type, position: { x: (i % columns) * 320, y: Math.floor(i / columns) * 200 }, data };
  });
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: `n${i}`, sourceHandle: 'out', target: n.id }));
  return JSON.stringify({ format: 'chatflow-bundle', version: 1, attributes: [], apis: [], flows: [{ name, published: false, nodes, edges }] });
}
