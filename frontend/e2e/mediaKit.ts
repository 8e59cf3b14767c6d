/**
 * Helpers of the media browser test: a fake Graph API on 127.0.0.1 with
 * Meta's media endpoints (GET /{media-id} → a download address, the download
 * with the token, POST /{phone}/media multipart uploads) beside the messages
 * endpoint and its signed status webhooks, plus real files to send (a PNG
 * drawn here, a small PDF).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';
import { accessToken, deliver, phoneNumberId } from './whatsappKit';

/** One message the fake accepted. */
export interface MediaSent {
  to: string;
  type: string;
  text: string;
  /** The media id or link a media message was sent with, and a document's name. */
  mediaId: string;
  link: string;
  filename: string;
}

/** One file received on the upload endpoint. */
export interface MediaUpload {
  id: string;
  type: string;
  filename: string;
  size: number;
  sha256: string;
}

/** The fake Graph API with media. */
export interface MediaGraph {
  url: string;
  sent: MediaSent[];
  uploads: MediaUpload[];
  webhook: { url: string };
  /** Registers a file a customer sent; returns its media id. */
  addMedia: (mime: string, data: Buffer) => string;
  close: () => Promise<void>;
}

function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** Splits a multipart/form-data body into its parts (name, filename, data). */
function parts(body: Buffer, contentType: string): { name: string; filename: string; data: Buffer }[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const b = boundary?.[1] ?? boundary?.[2];
  if (b === undefined) return [];
  const out: { name: string; filename: string; data: Buffer }[] = [];
  const sep = Buffer.from(`--${b}`);
  let at = body.indexOf(sep);
  while (at >= 0) {
    const next = body.indexOf(sep, at + sep.length);
    if (next < 0) break;
    const part = body.subarray(at + sep.length + 2, next - 2);
    const headEnd = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, headEnd).toString();
    out.push({
      name: /name="([^"]*)"/.exec(head)?.[1] ?? '',
      filename: /filename="((?:[^"\\]|\\.)*)"/.exec(head)?.[1]?.replace(/\\(.)/g, '$1') ?? '',
      data: part.subarray(headEnd + 4),
    });
    at = next;
  }
  return out;
}

function envelope(value: Record<string, unknown>): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId }, ...value },
          },
        ],
      },
    ],
  });
}

/** A customer's photo or document in Meta's webhook shape. */
export function mediaMessage(m: {
  from: string;
  name: string;
  id: string;
  kind: 'image' | 'document' | 'audio' | 'video' | 'sticker';
  mediaId: string;
  mime: string;
  caption?: string;
  filename?: string;
}): string {
  const media: Record<string, string> = { id: m.mediaId, mime_type: m.mime };
  if (m.caption !== undefined) media.caption = m.caption;
  if (m.filename !== undefined) media.filename = m.filename;
  const message = { from: m.from, id: m.id, timestamp: String(Math.floor(Date.now() / 1000)), type: m.kind, [m.kind]: media };
  return envelope({ contacts: [{ profile: { name: m.name }, wa_id: m.from }], messages: [message] });
}

function statusBody(id: string, status: string, to: string, callback: string): string {
  const st: Record<string, unknown> = { id, status, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: to };
  if (callback !== '') st.biz_opaque_callback_data = callback;
  return envelope({ statuses: [st] });
}

/** Starts the fake; set webhook.url to receive status webhooks. */
export async function startMediaGraph(): Promise<MediaGraph> {
  const sent: MediaSent[] = [];
  const uploads: MediaUpload[] = [];
  const files = new Map<string, { mime: string; data: Buffer }>();
  const known = new Set<string>();
  const webhook = { url: '' };
  let seq = 0;
  let chain = Promise.resolve();
  const json = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(body));
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readRaw(req);
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.headers.authorization !== `Bearer ${accessToken}`) {
        json(res, 401, { error: { message: 'Invalid OAuth access token', code: 190 } });
        return;
      }
      const lookaside = /^\/lookaside\/(.+)$/.exec(url.pathname);
      if (req.method === 'GET' && lookaside !== null) {
        const f = files.get(lookaside[1] ?? '');
        if (f === undefined) {
          res.statusCode = 404;
          res.end();
          return;
        }
        res.setHeader('Content-Type', f.mime);
        res.end(f.data);
        return;
      }
      const info = /^\/v21\.0\/(\d+)$/.exec(url.pathname);
      if (req.method === 'GET' && info !== null) {
        const f = files.get(info[1] ?? '');
        if (f === undefined) {
          json(res, 400, { error: { message: 'Unsupported get request.', code: 100 } });
          return;
        }
        json(res, 200, {
          messaging_product: 'whatsapp',
          url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/lookaside/${info[1]}`,
          mime_type: f.mime,
          sha256: createHash('sha256').update(f.data).digest('hex'),
          file_size: String(f.data.length),
          id: info[1],
        });
        return;
      }
      if (req.method === 'POST' && url.pathname === `/v21.0/${phoneNumberId}/media`) {
        const ps = parts(body, req.headers['content-type'] ?? '');
        const file = ps.find((p) => p.name === 'file');
        const type = ps.find((p) => p.name === 'type')?.data.toString() ?? '';
        if (file === undefined || type === '' || ps.find((p) => p.name === 'messaging_product')?.data.toString() !== 'whatsapp') {
          json(res, 400, { error: { message: '(#100) The parameter file is required.', code: 100 } });
          return;
        }
        seq++;
        const id = String(7000000000000000 + seq);
        known.add(id);
        uploads.push({ id, type, filename: file.filename, size: file.data.length, sha256: createHash('sha256').update(file.data).digest('hex') });
        json(res, 200, { id });
        return;
      }
      if (req.method === 'POST' && url.pathname === `/v21.0/${phoneNumberId}/messages`) {
        const m = JSON.parse(body.toString()) as Record<string, unknown> & { to: string; type: string; biz_opaque_callback_data?: string };
        const media = m[m.type] as { id?: string; link?: string; caption?: string; filename?: string; body?: string } | undefined;
        if (media?.id !== undefined && !known.has(media.id)) {
          json(res, 400, { error: { message: '(#131053) Media upload error', code: 131053 } });
          return;
        }
        seq++;
        const id = `wamid.media${String(seq).padStart(5, '0')}`;
        sent.push({
          to: m.to,
          type: m.type,
          text: media?.body ?? media?.caption ?? '',
          mediaId: media?.id ?? '',
          link: media?.link ?? '',
          filename: media?.filename ?? '',
        });
        json(res, 200, { messaging_product: 'whatsapp', contacts: [{ input: m.to, wa_id: m.to }], messages: [{ id }] });
        const callback = m.biz_opaque_callback_data ?? '';
        chain = chain.then(async () => {
          for (const status of ['sent', 'delivered', 'read']) {
            await new Promise((r) => setTimeout(r, 100));
            if (webhook.url !== '') await deliver(webhook.url, statusBody(id, status, m.to, callback));
          }
        });
        return;
      }
      json(res, 404, { error: { message: 'Unknown path components', code: 2500 } });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    uploads,
    webhook,
    addMedia: (mime, data) => {
      seq++;
      const id = String(4000000000000000 + seq);
      files.set(id, { mime, data });
      return id;
    },
    close: async () => {
      await chain.catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A real PNG: a width×height picture of a parcel-brown box on a light background. */
export function drawPng(width = 480, height = 320): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const inBox = x > width * 0.25 && x < width * 0.75 && y > height * 0.2 && y < height * 0.85;
      const tape = inBox && Math.abs(x - width / 2) < width * 0.04;
      const [r, g, b] = tape ? [222, 196, 140] : inBox ? [176, 124, 72] : [236, 240, 246 - Math.floor((y / height) * 30)];
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A small valid one-page PDF. */
export function menuPdf(): Buffer {
  const text = 'BT /F1 24 Tf 72 720 Td (Spring menu) Tj ET';
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
