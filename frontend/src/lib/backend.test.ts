import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeBackend, removeFakeBackend, sampleInfo } from '../test/fakeBackend';
import { bindService, generatedServices, onEvent, System } from './backend';
import { AppError, ErrorCode } from './errors';

afterEach(() => {
  removeFakeBackend();
});

describe('System service through the generated bindings', () => {
  it('resolves with what Go returned', async () => {
    const fake = installFakeBackend();
    await expect(System.Info()).resolves.toEqual(sampleInfo);
    expect(fake.calls).toEqual([{ name: 'System.Info', args: [] }]);
  });

  it('turns a Wails string rejection into an Error with that sentence', async () => {
    installFakeBackend({
      // Wails rejects with the Go error's text as a plain string.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      System: { Info: () => Promise.reject('store: database is locked'), FrontendReady: vi.fn() },
    });
    const err = await System.Info().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe('store: database is locked');
  });

  it('turns the window\'s coded rejection into an AppError with code and field', async () => {
    installFakeBackend({
      // app.FormatError: what the Wails window rejects with.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      System: { Info: () => Promise.reject({ code: 'EINVALID', message: 'Give the flow a name.', field: 'name' }), FrontendReady: vi.fn() },
    });
    const err = await System.Info().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ message: 'Give the flow a name.', code: ErrorCode.Invalid, field: 'name' });
  });

  it('turns the browser bridge\'s rejection into the same AppError', async () => {
    installFakeBackend({
      System: {
        // What backend/server/bridge.go throws for {"error": ..., "code": "ECONFLICT"}.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        Info: () => Promise.reject({ code: 'ECONFLICT', message: 'A flow named "x" already exists.', field: '' }),
        FrontendReady: vi.fn(),
      },
    });
    const err = await System.Info().catch((e: unknown) => e);
    expect(err).toMatchObject({ message: 'A flow named "x" already exists.', code: ErrorCode.Conflict, field: '' });
  });

  it('wraps an Error rejection, keeping it as the cause', async () => {
    const original = new Error('network down');
    installFakeBackend({ System: { Info: () => Promise.reject(original), FrontendReady: vi.fn() } });
    const err = await System.Info().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ message: 'network down', code: '', cause: original });
  });

  it('turns a method that throws synchronously into a rejection', async () => {
    installFakeBackend({
      System: {
        Info: () => {
          // eslint-disable-next-line @typescript-eslint/only-throw-error -- a binding may throw a bare string
          throw 'sync failure';
        },
        FrontendReady: vi.fn(),
      },
    });
    await expect(System.Info()).rejects.toThrow('sync failure');
  });

  it('rejects with a clear sentence when no backend is connected', async () => {
    removeFakeBackend();
    await expect(System.Info()).rejects.toThrow("Chatflow's backend is not connected, so System.Info cannot run.");
    await expect(System.Info()).rejects.toMatchObject({ code: ErrorCode.Unavailable });
  });

  it('rejects with a clear sentence when the backend lacks the method', async () => {
    installFakeBackend({ System: { FrontendReady: () => Promise.resolve(undefined) } });
    await expect(System.Info()).rejects.toThrow('The backend has no method System.Info');
  });

  it('exposes every generated method and nothing else', () => {
    expect(Object.keys(System).sort()).toEqual(['FrontendReady', 'Info']);
    expect(Object.isFrozen(System)).toBe(true);
  });
});

describe('bindService', () => {
  it('lists the generated services', () => {
    expect(generatedServices()).toContain('System');
  });

  it('refuses a service with no generated bindings', () => {
    expect(() => bindService<Record<string, never>>('Nope')).toThrow(
      'backend: no generated bindings for Nope; run make bindings.',
    );
  });
});

describe('onEvent', () => {
  it('delivers the data Go emitted and unsubscribes', () => {
    const fake = installFakeBackend();
    const got: unknown[] = [];
    const off = onEvent<{ id: number }>('inbox:message', (d) => got.push(d));
    expect(fake.listenerCount('inbox:message')).toBe(1);
    fake.emit('inbox:message', { id: 7 });
    off();
    fake.emit('inbox:message', { id: 8 });
    expect(got).toEqual([{ id: 7 }]);
    expect(fake.listenerCount('inbox:message')).toBe(0);
  });

  it('is a no-op without a runtime', () => {
    removeFakeBackend();
    const off = onEvent('x', () => undefined);
    expect(() => off()).not.toThrow();
  });
});
