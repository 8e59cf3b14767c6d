/**
 * Helpers of the WhatsApp browser test: a fake Graph API on 127.0.0.1 that
 * accepts messages like Meta's Cloud API and posts signed status webhooks
 * back, a poster of signed customer webhooks, and a small order API.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';

export const phoneNumberId = '106540352242922';
export const accessToken = 'e2e-access-token';
export const appSecret = 'e2e-app-secret-0042';

/** One message the fake Graph API accepted. */
export interface SentMessage {
  to: string;
  type: string;
  text: string;
  options: string[];
  id: string;
}

/** The fake Graph API. */
export interface FakeGraph {
  url: string;
  sent: SentMessage[];
  /** Where status webhooks go once set (the webhook listener's URL). */
  webhook: { url: string };
  /** While on is true every send is answered 500 (Meta's transient error), as when the Graph API is down. */
  failing: { on: boolean; refused: number };
  close: () => Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => resolve(data));
  });
}

/** Signs a webhook body the way Meta does (X-Hub-Signature-256). */
export function sign(body: string): string {
  return 'sha256=' + createHmac('sha256', appSecret).update(body).digest('hex');
}

/** Posts a signed webhook body, again and again until it is acknowledged, like Meta. */
export async function deliver(webhookUrl: string, body: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const res = await fetch(webhookUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': sign(body) },
        body,
      });
      if (res.status === 200) return;
    } catch {
      // not up yet: try again
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('e2e: the webhook never acknowledged a delivery');
}

function envelope(value: Record<string, unknown>): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId }, ...value } }] }],
  });
}

/** A customer message in Meta's webhook shape; replyId makes it a tapped button. */
export function customerMessage(m: { from: string; name: string; id: string; text: string; replyId?: string; at?: Date }): string {
  const timestamp = String(Math.floor((m.at ?? new Date()).getTime() / 1000));
  const message: Record<string, unknown> = { from: m.from, id: m.id, timestamp };
  if (m.replyId !== undefined) {
    message.type = 'interactive';
    message.interactive = { type: 'button_reply', button_reply: { id: m.replyId, title: m.text } };
  } else {
    message.type = 'text';
    message.text = { body: m.text };
  }
  return envelope({ contacts: [{ profile: { name: m.name }, wa_id: m.from }], messages: [message] });
}

function statusBody(id: string, status: string, to: string, callback: string): string {
  const st: Record<string, unknown> = { id, status, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: to };
  if (callback !== '') st.biz_opaque_callback_data = callback;
  return envelope({ statuses: [st] });
}

/**
 * Starts the fake Graph API: POST /v21.0/{phone}/messages with the right
 * token is accepted and recorded; then "sent", "delivered" and "read" status
 * webhooks follow, signed, to webhook.url.
 */
export async function startFakeGraph(): Promise<FakeGraph> {
  const sent: SentMessage[] = [];
  const webhook = { url: '' };
  const failing = { on: false, refused: 0 };
  let seq = 0;
  let chain = Promise.resolve();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      res.setHeader('Content-Type', 'application/json');
      if (req.url !== `/v21.0/${phoneNumberId}/messages` || req.headers.authorization !== `Bearer ${accessToken}`) {
        res.statusCode = 401;
        res.end(JSON.stringify({ error: { message: 'Invalid OAuth access token', code: 190 } }));
        return;
      }
      if (failing.on) {
        failing.refused++;
        res.statusCode = 500;
        res.end(JSON.stringify({ error: { message: 'Service temporarily unavailable', type: 'OAuthException', code: 2, is_transient: true } }));
        return;
      }
      const m = JSON.parse(body) as {
        to: string;
        type: string;
        biz_opaque_callback_data?: string;
        text?: { body: string };
        interactive?: { type: string; body: { text: string }; action: { buttons?: { reply: { title: string } }[] } };
      };
      seq++;
      const id = `wamid.e2e${String(seq).padStart(5, '0')}`;
      const msg: SentMessage = { to: m.to, type: m.type, text: m.text?.body ?? m.interactive?.body.text ?? '', options: [], id };
      if (m.interactive !== undefined) {
        msg.type = m.interactive.type;
        msg.options = (m.interactive.action.buttons ?? []).map((b) => b.reply.title);
      }
      sent.push(msg);
      res.end(JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: m.to, wa_id: m.to }], messages: [{ id }] }));
      const callback = m.biz_opaque_callback_data ?? '';
      chain = chain.then(async () => {
        for (const status of ['sent', 'delivered', 'read']) {
          await new Promise((r) => setTimeout(r, 150));
          if (webhook.url !== '') await deliver(webhook.url, statusBody(id, status, m.to, callback));
        }
      });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    webhook,
    failing,
    close: async () => {
      await chain.catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The order API of docs/examples/order-status.json, on a free loopback port. */
export async function startOrders(): Promise<{ url: string; close: () => Promise<void> }> {
  const orders: Record<string, { status: string; eta: string }> = { A1001: { status: 'shipped', eta: '2026-05-02' } };
  const server = createServer((req, res) => {
    const id = /^\/orders\/([^/?]+)/.exec(req.url ?? '')?.[1] ?? '';
    const order = orders[id];
    res.setHeader('Content-Type', 'application/json');
    res.statusCode = order === undefined ? 404 : 200;
    res.end(JSON.stringify(order === undefined ? { error: 'no such order' } : { order: { id, ...order } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Calls a bound Go method through the page's RPC and returns its JSON answer. */
export async function callRpc<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  const res = await page.evaluate(
    async ({ method, args }) => {
      const r = await fetch(`/rpc/${method}`, { method: 'POST', body: JSON.stringify(args) });
      return { status: r.status, body: (await r.json()) as unknown };
    },
    { method, args },
  );
  if (res.status !== 200) throw new Error(`${method} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as T;
}
