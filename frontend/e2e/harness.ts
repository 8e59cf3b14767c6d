/**
 * Browser-test harness: starts the real chatflow binary in serve mode on free
 * loopback ports with a fresh database, drives Debian's Chromium through
 * playwright-core, saves screenshots, and cleans everything up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const frontendDir = path.resolve(import.meta.dirname, '..');

/** Where screenshots and other artefacts of browser tests go (git-ignored). */
export const resultsDir = path.join(frontendDir, 'test-results');

/** The Chromium that Debian's chromium package installs; never downloaded. */
export const chromiumPath = '/usr/bin/chromium';

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A running `chatflow serve` and what it printed. */
export interface ChatflowServer {
  /** The ready-to-open address with the token, e.g. http://127.0.0.1:5123/?token=... */
  uiUrl: string;
  /** The UI origin without path or token, e.g. http://127.0.0.1:5123 */
  uiOrigin: string;
  token: string;
  /** The webhook listener, e.g. http://127.0.0.1:5124 */
  webhookUrl: string;
  /** The temporary folder holding the database. */
  dir: string;
  dbPath: string;
  pid: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
  /** Stops the process (SIGTERM, then SIGKILL) and removes the folder. */
  stop: () => Promise<void>;
}

/** Path of the binary under test: CHATFLOW_BIN, else ../bin/chatflow from frontend/. */
export function binaryPath(): string {
  const fromEnv = process.env.CHATFLOW_BIN;
  if (fromEnv !== undefined && fromEnv !== '') {
    return path.resolve(process.cwd(), fromEnv);
  }
  return path.resolve(frontendDir, '..', 'bin', 'chatflow');
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts `chatflow serve` with a fresh database in a temporary folder, ports
 * chosen by the OS on 127.0.0.1 and a random token (and env added to the
 * environment, e.g. WHATSAPP_* settings), and resolves once it has printed
 * its `ui: ` and `webhook: ` lines.
 */
export async function startServer(options: { startTimeoutMs?: number; env?: Record<string, string> } = {}): Promise<ChatflowServer> {
  const bin = binaryPath();
  if (!existsSync(bin)) {
    throw new Error(`e2e: chatflow binary not found at ${bin}; run make build or set CHATFLOW_BIN.`);
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'chatflow-e2e-'));
  const dbPath = path.join(dir, 'chatflow.db');
  const token = randomBytes(16).toString('hex');
  const args = ['serve', '--db', dbPath, '--webhook-addr', '127.0.0.1:0', '--ui-addr', '127.0.0.1:0', '--ui-token', token];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env, CHATFLOW_DB: dbPath } });
  let log = '';
  child.stderr.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  // If the test process dies without calling stop, take the server down with it.
  const killOnExit = () => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 5000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5000);
      }
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    const { uiUrl, webhookUrl } = await new Promise<{ uiUrl: string; webhookUrl: string }>((resolve, reject) => {
      let ui = '';
      let webhook = '';
      const timer = setTimeout(
        () => reject(new Error(`e2e: chatflow serve printed no addresses in time; output:\n${log}`)),
        options.startTimeoutMs ?? 20_000,
      );
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(new Error(`e2e: cannot start ${bin}: ${err.message}`));
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`e2e: chatflow serve exited early (code ${code}, signal ${signal}); output:\n${log}`));
      });
      createInterface({ input: child.stdout }).on('line', (line) => {
        log += line + '\n';
        if (line.startsWith('ui: ')) ui = line.slice(4).trim();
        if (line.startsWith('webhook: ')) webhook = line.slice(9).trim();
        if (ui !== '' && webhook !== '') {
          clearTimeout(timer);
          resolve({ uiUrl: ui, webhookUrl: webhook });
        }
      });
    });
    const origin = new URL(uiUrl).origin;
    if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(origin)) {
      throw new Error(`e2e: the UI must listen on 127.0.0.1, got ${origin}`);
    }
    return {
      uiUrl,
      uiOrigin: origin,
      token,
      webhookUrl,
      dir,
      dbPath,
      pid: child.pid ?? -1,
      output: () => log,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Launches the system Chromium headless with flags that keep it off the network. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`e2e: ${chromiumPath} is missing; install Debian's chromium package.`);
  }
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/** A page of the app and the problems the page reported while the test ran. */
export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions, for asserting a clean run. */
  errors: string[];
}

/**
 * Opens the app in a fresh browser context (no cookies) with the token URL,
 * optionally at a hash route, and waits until the shell has rendered.
 */
export async function openApp(
  browser: Browser,
  server: ChatflowServer,
  options: { hash?: string; colorScheme?: 'light' | 'dark'; width?: number; height?: number } = {},
): Promise<AppPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(server.uiUrl + (options.hash ?? ''));
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return { page, context, errors };
}

/** Saves a full-window PNG as frontend/test-results/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
