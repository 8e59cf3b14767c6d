/**
 * Templates end to end in browser mode: sync the business account's
 * templates from a fake Graph API (two pages), build a flow with a template
 * node (imported), simulate it, and send a template from the inbox to a
 * customer whose 24-hour window has closed. Screenshots are looked at.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, screenshot, startServer, type ChatflowServer } from './harness';
import { accessToken, appSecret, callRpc, customerMessage, deliver, phoneNumberId } from './whatsappKit';

const wabaId = '102290129340398';

/** One message the fake accepted, as far as this test cares. */
interface Sent {
  to: string;
  type: string;
  template: string;
  params: string[];
}

const templatesPage1 = [
  {
    name: 'order_shipped',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    id: '1001',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Order update' },
      { type: 'BODY', text: 'Hi {{1}}, your order {{2}} has shipped and arrives {{3}}.', example: { body_text: [['Ana', 'A1001', 'on Friday']] } },
      { type: 'FOOTER', text: 'Shop Example' },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Track it' }, { type: 'QUICK_REPLY', text: 'Stop updates' }] },
    ],
  },
];
const templatesPage2 = [
  {
    name: 'spring_sale',
    language: 'en_US',
    status: 'PAUSED',
    category: 'MARKETING',
    id: '1002',
    components: [{ type: 'BODY', text: 'Our spring sale starts today!' }],
  },
];

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => resolve(data));
  });
}

/** A fake Graph API: the template list in two pages, and messages. */
async function startGraph(): Promise<{ url: string; sent: Sent[]; listed: () => number; close: () => Promise<void> }> {
  const sent: Sent[] = [];
  let listed = 0;
  let seq = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      res.setHeader('Content-Type', 'application/json');
      if (req.headers.authorization !== `Bearer ${accessToken}`) {
        res.statusCode = 401;
        res.end(JSON.stringify({ error: { message: 'Invalid OAuth access token', code: 190 } }));
        return;
      }
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'GET' && url.pathname === `/v21.0/${wabaId}/message_templates`) {
        listed++;
        const second = url.searchParams.get('after') === 'page2';
        const next = `http://127.0.0.1:${(server.address() as AddressInfo).port}${url.pathname}?after=page2`;
        res.end(
          JSON.stringify(
            second
              ? { data: templatesPage2, paging: { cursors: { before: 'page2', after: 'page2end' } } }
              : { data: templatesPage1, paging: { cursors: { before: 'page1', after: 'page2' }, next } },
          ),
        );
        return;
      }
      if (req.method === 'POST' && url.pathname === `/v21.0/${phoneNumberId}/messages`) {
        const m = JSON.parse(body) as {
          to: string;
          type: string;
          template?: { name: string; components?: { type: string; parameters?: { text?: string }[] }[] };
        };
        const params = (m.template?.components ?? []).filter((c) => c.type === 'body').flatMap((c) => (c.parameters ?? []).map((p) => p.text ?? ''));
        sent.push({ to: m.to, type: m.type, template: m.template?.name ?? '', params });
        seq++;
        res.end(JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: m.to, wa_id: m.to }], messages: [{ id: `wamid.tpl${seq}` }] }));
        return;
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { message: 'Unknown path', code: 100 } }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    listed: () => listed,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const bundle = {
  format: 'chatflow-bundle',
  version: 1,
  attributes: [{ name: 'order_id', type: 'text', description: 'The order' }],
  flows: [
    {
      name: 'Shipping news',
      published: false,
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 120 }, data: { keywords: ['hi'] } },
        {
          id: 'tpl',
          type: 'template',
          position: { x: 300, y: 120 },
          data: {
            template: 'order_shipped',
            language: 'en_US',
            parameters: ['{{contact.name}}', '{{order_id}}', 'on Friday'],
            headerMediaUrl: '',
            quickReplies: ['Track it', 'Stop updates'],
          },
        },
        { id: 'track', type: 'message', position: { x: 640, y: 40 }, data: { text: 'Tracking {{order_id}} for you.' } },
        { id: 'stop', type: 'end', position: { x: 640, y: 220 }, data: { text: 'No more updates, promised.' } },
      ],
      edges: [
        { id: 'e1', source: 'start', sourceHandle: 'out', target: 'tpl' },
        { id: 'e2', source: 'tpl', sourceHandle: 'Track it', target: 'track' },
        { id: 'e3', source: 'tpl', sourceHandle: 'Stop updates', target: 'stop' },
      ],
    },
  ],
};

let server: ChatflowServer;
let browser: Browser;
let graph: Awaited<ReturnType<typeof startGraph>>;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  graph = await startGraph();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await graph?.close();
});

describe('WhatsApp templates in browser mode', () => {
  it('syncs templates, simulates a template node and sends a template after the window closed', async () => {
    const { page, context, errors } = await openApp(browser, server, { hash: '#/templates', width: 1440, height: 900 });
    try {
      await callRpc(page, 'Settings.Save', {
        phoneNumberId,
        businessAccountId: wabaId,
        accessToken,
        clearAccessToken: false,
        appSecret,
        clearAppSecret: false,
        verifyToken: 'e2e-verify',
        apiVersion: 'v21.0',
        graphUrl: graph.url,
        webhookAddr: new URL(server.webhookUrl).host,
        publicUrl: '',
        staleMinutes: 10,
        rateLimit: 80,
      });

      // Sync: both pages are fetched; the paused template is listed as such.
      await page.reload();
      await page.getByRole('button', { name: 'Sync from WhatsApp' }).first().click();
      await page.getByText('Templates synced').waitFor();
      expect(graph.listed()).toBe(2);
      await page.getByText('spring_sale').waitFor();
      await expect(page.getByText('Paused').first().isVisible()).resolves.toBe(true);
      await page.getByText('order_shipped').first().click();
      await page.getByText('your order', { exact: false }).first().waitFor();
      await screenshot(page, 'templates-page');

      // A flow with a template node, imported (import refuses unsynced templates, so this needs the sync).
      await callRpc(page, 'Flows.ImportBundle', JSON.stringify(bundle), false);
      const flows = await callRpc<{ id: number; name: string }[]>(page, 'Flows.List');
      const id = flows.find((f) => f.name === 'Shipping news')?.id;
      await page.goto(`${server.uiOrigin}/#/flows/${String(id)}`);
      await page.locator('.react-flow__node[data-id="tpl"]').click();
      await page.getByText('Track it').first().waitFor();
      await screenshot(page, 'templates-node');

      await page.getByTestId('open-simulator').click();
      const sim = page.getByTestId('simulator');
      const input = sim.getByRole('textbox', { name: 'Message as the customer' });
      await input.fill('hi');
      await input.press('Enter');
      await sim.getByText('your order', { exact: false }).first().waitFor();
      await sim.getByRole('button', { name: 'Track it' }).click();
      await sim.getByTestId('bot-message').filter({ hasText: 'Tracking' }).waitFor();
      await screenshot(page, 'templates-simulator');

      // A customer who last wrote 25 hours ago: the window is closed, the composer offers a template.
      const bo = { from: '5511988887777', name: 'Bo Li' };
      await deliver(`${server.webhookUrl}/webhook/whatsapp`, customerMessage({ ...bo, id: 'wamid.old1', text: 'is my order coming?', at: new Date(Date.now() - 25 * 3600 * 1000) }));
      await page.goto(`${server.uiOrigin}/#/conversations`);
      await page.getByText('Bo Li').first().click();
      await page.getByText('24-hour window closed').waitFor();
      await expect(page.getByLabel('Your reply').isDisabled()).resolves.toBe(true);
      await page.getByRole('button', { name: 'Send a template' }).click();
      const dialog = page.getByRole('dialog', { name: 'Send a template to Bo Li' });
      await dialog.getByLabel('Body {{1}}').fill('Bo');
      await dialog.getByLabel('Body {{2}}').fill('A1002');
      await dialog.getByLabel('Body {{3}}').fill('tomorrow');
      await screenshot(page, 'templates-inbox-dialog');
      await dialog.getByRole('button', { name: 'Send template' }).click();
      await page.getByText('Template sent').waitFor();
      const deadline = Date.now() + 15_000;
      while (!graph.sent.some((m) => m.to === bo.from) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const got = graph.sent.find((m) => m.to === bo.from);
      expect(got).toMatchObject({ type: 'template', template: 'order_shipped', params: ['Bo', 'A1002', 'tomorrow'] });
      await page.getByTestId('message').filter({ hasText: 'A1002' }).waitFor();
      await screenshot(page, 'templates-inbox-sent');

      // A trigger made on the Settings page: its token is shown once, and a
      // POST /notify with it starts the flow, which sends the template.
      await page.goto(`${server.uiOrigin}/#/settings`);
      await page.getByRole('button', { name: 'Add trigger' }).click();
      const add = page.getByRole('dialog', { name: 'Add a trigger' });
      await add.getByLabel('Name').fill('order-shipped');
      await add.getByLabel('Flow').selectOption('Shipping news');
      await add.getByRole('button', { name: 'Add trigger' }).click();
      const shown = page.getByRole('dialog', { name: 'Trigger order-shipped added' });
      const curl = (await shown.getByTestId('trigger-curl').textContent()) ?? '';
      const token = /Bearer (\S+)"/.exec(curl)?.[1] ?? '';
      expect(token).not.toBe('');
      await screenshot(page, 'templates-trigger-token');
      await shown.getByRole('button', { name: 'Done' }).click();
      await page.getByText('Starts the flow Shipping news').waitFor();
      await screenshot(page, 'templates-triggers');

      // Bo, whose window is closed: a flow's template reaches him.
      const cy = bo.from;
      const before = graph.sent.filter((m) => m.to === cy).length;
      const res = await fetch(`${server.webhookUrl}/notify/order-shipped`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': 'A1001-shipped' },
        body: JSON.stringify({ phone: cy, attributes: { order_id: 'A1001' } }),
      });
      expect(res.status).toBe(202);
      const bad = await fetch(`${server.webhookUrl}/notify/order-shipped`, { method: 'POST', headers: { Authorization: 'Bearer nope' }, body: '{}' });
      expect(bad.status).toBe(401);
      const until = Date.now() + 15_000;
      while (graph.sent.filter((m) => m.to === cy).length === before && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(graph.sent.filter((m) => m.to === cy)[before]).toMatchObject({
        type: 'template',
        template: 'order_shipped',
        params: ['Bo Li', 'A1001', 'on Friday'],
      });

      // A trigger that sends a template by itself, its parameters filled
      // from the request's attributes.
      await page.getByRole('button', { name: 'Add trigger' }).click();
      const addTemplate = page.getByRole('dialog', { name: 'Add a trigger' });
      await addTemplate.getByLabel('Name').fill('order-eta');
      await addTemplate.getByLabel('It').selectOption({ label: 'sends a template' });
      await addTemplate.getByLabel('Template').selectOption({ label: 'order_shipped (en_US)' });
      await addTemplate.getByLabel('Body {{1}}').fill('{{contact.name}}');
      await addTemplate.getByLabel('Body {{2}}').fill('{{order_id}}');
      await addTemplate.getByLabel('Body {{3}}').fill('soon');
      await addTemplate.getByRole('button', { name: 'Add trigger' }).click();
      const shownEta = page.getByRole('dialog', { name: 'Trigger order-eta added' });
      const etaToken = /Bearer (\S+)"/.exec((await shownEta.getByTestId('trigger-curl').textContent()) ?? '')?.[1] ?? '';
      await shownEta.getByRole('button', { name: 'Done' }).click();
      await page.getByText('Sends the template order_shipped (en_US)').waitFor();
      const sentBefore = graph.sent.filter((m) => m.to === cy).length;
      const eta = await fetch(`${server.webhookUrl}/notify/order-eta`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${etaToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ phone: cy, attributes: { order_id: 'A1003' } }),
      });
      expect(eta.status).toBe(202);
      const etaUntil = Date.now() + 15_000;
      while (graph.sent.filter((m) => m.to === cy).length === sentBefore && Date.now() < etaUntil) await new Promise((r) => setTimeout(r, 50));
      expect(graph.sent.filter((m) => m.to === cy)[sentBefore]).toMatchObject({ type: 'template', template: 'order_shipped', params: ['Bo Li', 'A1003', 'soon'] });

      await page.goto(`${server.uiOrigin}/#/conversations`);
      await page.getByText('Bo Li').first().click();
      await page.getByTestId('message').filter({ hasText: 'Notification order-shipped' }).waitFor();
      await screenshot(page, 'templates-notify-inbox');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
