/**
 * The only module that imports the generated Wails bindings (frontend/wailsjs,
 * written by `make bindings`). Every other module talks to Go through the
 * services exported here.
 *
 * The generated functions call window.go.app.<Service>.<Method>, which the Wails
 * window provides on the desktop and the injected /rpc script provides in
 * browser mode, so there is one code path for both. Both reject a failed call
 * with Go's coded error, `{code, message, field}`; the wrappers below turn every
 * rejection into an AppError (lib/errors.ts) carrying that sentence, code and
 * field, so callers branch on `err.code`, never on the text.
 *
 * Adding a service is one line at the bottom of this file.
 */
import type { app } from '../../wailsjs/go/models';
import { EventsOn } from '../../wailsjs/runtime/runtime';
import { AppError, ErrorCode, toError } from './errors';

// The model namespaces (app, and any other Go package whose types a bound method
// uses) with their classes, for callers that need createFrom or the types.
export * from '../../wailsjs/go/models';

/** Status and build facts about the running binary, from System.Info. */
export type SystemInfo = app.SystemInfo;

declare global {
  interface Window {
    /** Bound Go services, provided by Wails or by the browser-mode script. */
    go?: Record<string, Record<string, Record<string, unknown> | undefined> | undefined>;
  }
}

type BoundMethod = (...args: never[]) => Promise<unknown>;
type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/** The generated binding modules, keyed by file path; Vite resolves them at build time. */
const generated: Record<string, Record<string, unknown>> = import.meta.glob('../../wailsjs/go/app/*.js', {
  eager: true,
});

/** Lists the services that have generated bindings, for diagnostics and tests. */
export function generatedServices(): string[] {
  return Object.keys(generated)
    .map((path) => path.replace(/^.*\/([^/]+)\.js$/, '$1'))
    .sort();
}

function unavailable(service: string, method: string): AppError {
  if (typeof window === 'undefined' || window.go === undefined) {
    return new AppError(`Chatflow's backend is not connected, so ${service}.${method} cannot run.`, ErrorCode.Unavailable);
  }
  return new AppError(
    `The backend has no method ${service}.${method}; the app and its bindings are out of date.`,
    ErrorCode.Unavailable,
  );
}

function isBound(service: string, method: string): boolean {
  return typeof window !== 'undefined' && typeof window.go?.app?.[service]?.[method] === 'function';
}

/**
 * Wraps the generated module of one bound Go service (package app) so that each
 * method returns a promise that rejects only with an AppError. T is the type of the
 * generated module, e.g. `typeof import('../../wailsjs/go/app/System')`.
 */
export function bindService<T extends { [K in keyof T]: BoundMethod }>(service: string): T {
  const bindings = generated[`../../wailsjs/go/app/${service}.js`];
  if (bindings === undefined) {
    throw new Error(`backend: no generated bindings for ${service}; run make bindings.`);
  }
  const wrapped: Record<string, AnyMethod> = {};
  for (const [method, fn] of Object.entries(bindings)) {
    if (typeof fn !== 'function') {
      continue;
    }
    const call = fn as AnyMethod;
    wrapped[method] = async (...args: unknown[]) => {
      if (!isBound(service, method)) {
        throw unavailable(service, method);
      }
      try {
        return await call(...args);
      } catch (reason) {
        throw toError(reason, `${service}.${method} failed.`);
      }
    };
  }
  return Object.freeze(wrapped) as unknown as T;
}

/**
 * Subscribes to an event emitted by the Go side (app.Events.Emit) and returns a
 * function that unsubscribes. The callback receives the event's data as Go sent
 * it; T only names what the caller expects. Without a runtime (a plain page with
 * no backend) it subscribes to nothing.
 */
export function onEvent<T = unknown>(name: string, callback: (data: T) => void): () => void {
  if (typeof window === 'undefined' || !('runtime' in window)) {
    return () => undefined;
  }
  const off = EventsOn(name, (...data: unknown[]) => {
    callback(data[0] as T);
  });
  return typeof off === 'function' ? off : () => undefined;
}

// Services: one line each.
/** Build facts and lifecycle of the running binary. */
export const System = bindService<typeof import('../../wailsjs/go/app/System')>('System');
/** Custom attribute definitions and per-contact values. */
export const Attributes = bindService<typeof import('../../wailsjs/go/app/Attributes')>('Attributes');
/** Saved outside APIs: editing, testing, cURL import and the call log. */
export const APIs = bindService<typeof import('../../wailsjs/go/app/APIs')>('APIs');
/** The WhatsApp connection: credentials, webhook listener, live status, tunnel detection. */
export const Settings = bindService<typeof import('../../wailsjs/go/app/Settings')>('Settings');
/** The inbox: contacts, conversations, replies by hand, the bot's switch per contact. */
export const Conversations = bindService<typeof import('../../wailsjs/go/app/Conversations')>('Conversations');
/** Chatbot flows: list, edit, validate, publish, import and export bundles. */
export const Flows = bindService<typeof import('../../wailsjs/go/app/Flows')>('Flows');
/** Chats with a flow through the real engine, for the editor's simulator. */
export const Simulator = bindService<typeof import('../../wailsjs/go/app/Simulator')>('Simulator');
/** The data folder, backups and restore, first-run templates and checklist, and the desktop window's close choice. */
export const Data = bindService<typeof import('../../wailsjs/go/app/Data')>('Data');
/** The WhatsApp message templates synced from the business account, and a sync on demand. */
export const Templates = bindService<typeof import('../../wailsjs/go/app/Templates')>('Templates');
/** Notification triggers your own systems call (POST /notify/NAME on the webhook listener). */
export const Triggers = bindService<typeof import('../../wailsjs/go/app/Triggers')>('Triggers');
