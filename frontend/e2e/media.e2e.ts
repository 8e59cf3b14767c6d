import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { node, selectNode, waitSaved } from './flowsKit';
import { launchBrowser, openApp, screenshot, startServer, type ChatflowServer } from './harness';
import { drawPng, mediaMessage, menuPdf, startMediaGraph, type MediaGraph } from './mediaKit';
import { accessToken, appSecret, callRpc, customerMessage, deliver, phoneNumberId } from './whatsappKit';

let server: ChatflowServer;
let browser: Browser;
let graph: MediaGraph;

beforeAll(async () => {
  graph = await startMediaGraph();
  server = await startServer({
    env: {
      WHATSAPP_GRAPH_URL: graph.url,
      WHATSAPP_API_VERSION: 'v21.0',
      WHATSAPP_TOKEN: accessToken,
      WHATSAPP_PHONE_NUMBER_ID: phoneNumberId,
      WHATSAPP_APP_SECRET: appSecret,
    },
  });
  browser = await launchBrowser();
  graph.webhook.url = `${server.webhookUrl}/webhook/whatsapp`;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await graph?.close();
});

/** The claims bot: asks for a photo of the damaged parcel, thanks, then sends the menu (a PDF attached in the editor). */
const claimsBundle = JSON.stringify({
  format: 'chatflow-bundle',
  version: 1,
  attributes: [{ name: 'damage_photo', type: 'text', description: 'Where the photo of the damage is stored.' }],
  apis: [],
  flows: [
    {
      name: 'Claims',
      published: false,
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
        {
          id: 'ask',
          type: 'question',
          position: { x: 300, y: 0 },
          data: { text: 'Please send a photo of the damaged parcel.', attribute: 'damage_photo', validation: 'image', retryText: 'Please send a photo.', maxRetries: 2 },
        },
        { id: 'thanks', type: 'message', position: { x: 600, y: 0 }, data: { text: 'Thank you {{contact.name}}, we have your photo.' } },
        { id: 'menu', type: 'message', position: { x: 900, y: 0 }, data: { text: 'Here is our spring menu.', mediaType: 'document' } },
        { id: 'bye', type: 'end', position: { x: 1200, y: 0 }, data: {} },
      ],
      edges: [
        { id: 'e1', source: 'start', sourceHandle: 'out', target: 'ask' },
        { id: 'e2', source: 'ask', sourceHandle: 'out', target: 'thanks' },
        { id: 'e3', source: 'thanks', sourceHandle: 'out', target: 'menu' },
        { id: 'e4', source: 'menu', sourceHandle: 'out', target: 'bye' },
      ],
    },
  ],
});

async function sentTo(to: string, n: number) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const got = graph.sent.filter((m) => m.to === to);
    if (got.length >= n) return got;
    if (Date.now() > deadline) throw new Error(`e2e: ${to} received ${got.length} messages, want ${n}: ${JSON.stringify(got)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until no animation runs (the lightbox fades in). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, { timeout: 5_000 });
}

/** Waits until the picture in the conversation has loaded from the media route. */
async function pictureLoaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="attachment-picture"] img');
      return img !== null && img.complete && img.naturalWidth > 0;
    },
    null,
    { timeout: 20_000 },
  );
}

describe('media in browser mode', () => {
  it('attaches a PDF in the editor, shows a customer photo in the conversation, and sends the PDF by id after one upload', async () => {
    const { page, context, errors } = await openApp(browser, server, { hash: '#/flows' });
    try {
      const flows = await callRpc<{ id: number; name: string }[]>(page, 'Flows.ImportBundle', claimsBundle, false).then(() =>
        callRpc<{ id: number; name: string }[]>(page, 'Flows.List'),
      );
      const claims = flows.find((f) => f.name === 'Claims');
      expect(claims).toBeDefined();

      // Attach the menu from this computer in the message node's inspector.
      await page.goto(`${server.uiOrigin}/#/flows/${claims?.id}`);
      await node(page, 'menu').waitFor();
      await selectNode(page, 'menu');
      const inspector = page.getByRole('region', { name: /node$/ });
      await inspector.getByLabel('From').selectOption('file');
      await inspector.getByTestId('attachment-input').setInputFiles({ name: 'spring-menu.pdf', mimeType: 'application/pdf', buffer: menuPdf() });
      await inspector.getByTestId('attached-file').getByText('spring-menu.pdf').waitFor();
      // A file that is not what the kind allows is refused with a sentence.
      await inspector.getByRole('button', { name: 'Replace' }).waitFor();
      await inspector.getByTestId('attachment-input').setInputFiles({ name: 'page.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><script>x</script>') });
      await inspector.getByText('The file page.pdf is not one WhatsApp can send as a document').waitFor();
      await expect(inspector.getByTestId('attached-file').textContent()).resolves.toContain('spring-menu.pdf');
      await waitSaved(page);
      await node(page, 'menu').getByText('document: spring-menu.pdf').waitFor();
      await screenshot(page, 'media-attach-pdf');
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      // No public address is set here (the Graph fake posts to the local
      // listener), so Publish says what Settings still needs.
      await page.getByText('"Claims" will be live once WhatsApp is connected').waitFor();
      await screenshot(page, 'media-publish-not-connected');
      await page.getByText(/Settings still needs: .*public address/).waitFor();

      // Ana writes, then sends a photo of the damage.
      const webhook = `${server.webhookUrl}/webhook/whatsapp`;
      const ana = { from: '5511999990001', name: 'Ana Souza' };
      await deliver(webhook, customerMessage({ ...ana, id: 'wamid.ana.1', text: 'hi' }));
      await sentTo(ana.from, 1);
      const photo = drawPng();
      await deliver(
        webhook,
        mediaMessage({ ...ana, id: 'wamid.ana.2', kind: 'image', mediaId: graph.addMedia('image/png', photo), mime: 'image/png', caption: 'The box arrived like this' }),
      );
      const got = await sentTo(ana.from, 3);
      expect(got[1]?.text).toBe('Thank you Ana Souza, we have your photo.');
      expect(graph.uploads).toHaveLength(1);
      expect(got[2]).toMatchObject({ type: 'document', mediaId: graph.uploads[0]?.id, filename: 'spring-menu.pdf', text: 'Here is our spring menu.' });
      expect(graph.uploads[0]).toMatchObject({ type: 'application/pdf', size: menuPdf().length });

      // The conversation shows the photo inline and the menu as a file.
      await page.goto(`${server.uiOrigin}/#/conversations`);
      await page.getByRole('list', { name: 'Conversations' }).getByRole('button', { name: /Ana Souza/ }).click();
      await page.getByRole('heading', { level: 2, name: 'Ana Souza' }).waitFor();
      await pictureLoaded(page);
      await page.getByText('The box arrived like this').waitFor();
      await page.getByTestId('attachment-file').getByText('spring-menu.pdf').waitFor();
      await screenshot(page, 'media-conversation-photo');
      await page.getByTestId('attachment-file').scrollIntoViewIfNeeded();
      await screenshot(page, 'media-conversation-file');
      await page.getByRole('button', { name: 'Open the photo' }).click();
      await page.getByRole('dialog', { name: 'Photo from Ana Souza' }).waitFor();
      await settled(page);
      await screenshot(page, 'media-lightbox');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      // Bruno gets the menu with the same media id: no second upload.
      const bruno = { from: '5511999990002', name: 'Bruno Lima' };
      await deliver(webhook, customerMessage({ ...bruno, id: 'wamid.bruno.1', text: 'hi' }));
      await sentTo(bruno.from, 1);
      await deliver(webhook, mediaMessage({ ...bruno, id: 'wamid.bruno.2', kind: 'image', mediaId: graph.addMedia('image/png', photo), mime: 'image/png' }));
      const brunos = await sentTo(bruno.from, 3);
      expect(brunos[2]?.mediaId).toBe(graph.uploads[0]?.id);
      expect(graph.uploads).toHaveLength(1);
      // The only console error is the browser's note of the refused upload (its 400).
      expect(errors).toEqual(['console: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    } finally {
      await context.close();
    }
  });
});
