import type { SystemInfo } from '../lib/backend';

type Method = (...args: unknown[]) => Promise<unknown>;

/** A stand-in for the Go side as the page sees it: window.go.app and window.runtime. */
export interface FakeBackend {
  /** Calls made, as "Service.Method" with their arguments. */
  calls: { name: string; args: unknown[] }[];
  /** Delivers an event to subscribers, the way Go's app.Events.Emit does. */
  emit: (name: string, data: unknown) => void;
  /** Number of live event subscriptions. */
  listenerCount: (name: string) => number;
}

/** A SystemInfo as a browser-mode server would report it. */
export const sampleInfo: SystemInfo = {
  version: '1.2.3',
  commit: 'abcdef0123456789',
  mode: 'browser',
  dbPath: '/tmp/chatflow/chatflow.db',
  webhookAddr: '127.0.0.1:8080',
  startedAt: '2026-01-02T03:04:05Z',
  openRoute: '',
};

const unset = (envVar = '') => ({ value: '', overridden: false, envVar });

/** The WhatsApp settings of a fresh installation, as Settings.Get reports them. */
export const sampleWhatsAppSettings = {
  phoneNumberId: unset('WHATSAPP_PHONE_NUMBER_ID'),
  businessAccountId: unset('WHATSAPP_WABA_ID'),
  accessToken: { set: false, hint: '', overridden: false, envVar: 'WHATSAPP_TOKEN' },
  appSecret: { set: false, hint: '', overridden: false, envVar: 'WHATSAPP_APP_SECRET' },
  verifyToken: unset('WHATSAPP_VERIFY_TOKEN'),
  apiVersion: { value: 'v21.0', overridden: false, envVar: 'WHATSAPP_API_VERSION' },
  graphUrl: { value: 'https://graph.facebook.com', overridden: false, envVar: 'WHATSAPP_GRAPH_URL' },
  webhookAddr: { value: '127.0.0.1:8080', overridden: false, envVar: '' },
  publicUrl: unset(),
  staleMinutes: 10,
  rateLimit: 80,
  callbackUrl: '',
};

/** The connection status of a fresh installation, as Settings.Status reports it. */
export const sampleWhatsAppStatus = {
  listener: { addr: '127.0.0.1:8080', state: 'listening', error: '' },
  callbackUrl: '',
  verifyToken: '',
  lastVerifiedAt: '',
  lastEventAt: '',
  missing: ['phone number ID', 'access token', 'app secret', 'verify token', 'public address'],
  queued: 0,
  sent: 0,
  failed: 0,
  sending: { waiting: 0, retrying: 0, reason: '', nextAttempt: 0, retryAt: '' },
};

/** The public address of a fresh installation (own address, none yet), as Settings.PublicAddress reports it. */
export const samplePublicAddress = {
  mode: 'own',
  authtoken: { set: false, hint: '', overridden: false, envVar: 'NGROK_AUTHTOKEN' },
  domain: '',
  publicUrl: '',
  callbackUrl: '',
  verifyToken: '',
  tunnel: { state: 'off', url: '', error: '', retryAt: '', since: '' },
  lastVerifiedAt: '',
  lastEventAt: '',
};

const builtIn = (name: string, type: string, description: string) => ({
  name,
  type,
  description,
  builtIn: true,
  usedBy: [],
  valueCount: 0,
});

/** The attributes of a fresh installation (only the built-ins), as Attributes.List reports them. */
export const sampleAttributes = [
  builtIn('contact.name', 'text', "The customer's WhatsApp profile name."),
  builtIn('contact.phone', 'text', "The customer's phone number (WhatsApp ID)."),
  builtIn('message.text', 'text', "The customer's latest message."),
  builtIn(
    'message.media.path',
    'text',
    "Where the file of the customer's latest message (photo, document, audio, video, sticker) is stored on this computer; empty when it had none.",
  ),
  builtIn('message.media.mime', 'text', "The file type of the customer's latest attachment, such as image/jpeg or application/pdf."),
  builtIn('message.media.caption', 'text', 'The caption the customer wrote under their latest attachment.'),
  builtIn('message.media.filename', 'text', "The file name of the customer's latest document, as they sent it."),
  builtIn('api.status', 'number', 'HTTP status of the last API call (0 when it failed).'),
  builtIn('api.error', 'text', 'What went wrong in the last API call, empty when it succeeded.'),
];

/**
 * Installs window.go and window.runtime with the given services; the default
 * System answers Info with sampleInfo, Settings describes an unconfigured
 * WhatsApp connection, Conversations has no contacts, Attributes has only the
 * built-ins, APIs and Flows have none. Remove it with removeFakeBackend.
 */
export function installFakeBackend(services: Record<string, Record<string, Method>> = {}): FakeBackend {
  const calls: FakeBackend['calls'] = [];
  const listeners = new Map<string, Set<(...data: unknown[]) => void>>();
  const all: Record<string, Record<string, Method>> = {
    System: {
      Info: () => Promise.resolve(sampleInfo),
      FrontendReady: () => Promise.resolve(undefined),
    },
    Settings: {
      Get: () => Promise.resolve(sampleWhatsAppSettings),
      Status: () => Promise.resolve(sampleWhatsAppStatus),
      PublicAddress: () => Promise.resolve(samplePublicAddress),
    },
    Conversations: {
      List: () => Promise.resolve([]),
    },
    Attributes: {
      List: () => Promise.resolve(sampleAttributes),
    },
    APIs: {
      List: () => Promise.resolve([]),
    },
    Flows: {
      List: () => Promise.resolve([]),
    },
    ...services,
  };
  const app: Record<string, Record<string, unknown>> = {};
  for (const [service, methods] of Object.entries(all)) {
    app[service] = {};
    for (const [method, fn] of Object.entries(methods)) {
      app[service][method] = (...args: unknown[]) => {
        calls.push({ name: `${service}.${method}`, args });
        return fn(...args);
      };
    }
  }
  window.go = { app };
  const runtime = {
    EventsOnMultiple: (name: string, cb: (...data: unknown[]) => void) => {
      const set = listeners.get(name) ?? new Set();
      set.add(cb);
      listeners.set(name, set);
      return () => set.delete(cb);
    },
  };
  Object.defineProperty(window, 'runtime', { value: runtime, configurable: true, writable: true });
  return {
    calls,
    emit: (name, data) => listeners.get(name)?.forEach((cb) => cb(data)),
    listenerCount: (name) => listeners.get(name)?.size ?? 0,
  };
}

/** Removes what installFakeBackend installed. */
export function removeFakeBackend(): void {
  delete window.go;
  Reflect.deleteProperty(window, 'runtime');
}
