import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeBackend, removeFakeBackend } from '../test/fakeBackend';

afterEach(() => {
  removeFakeBackend();
});

describe('announceReady', () => {
  it('tells Go once which page the UI shows (the desktop smoke test reads it)', async () => {
    vi.resetModules();
    const fake = installFakeBackend();
    window.location.hash = '#/flows/3';
    const { announceReady } = await import('./lifecycle');
    await Promise.all([announceReady(), announceReady()]);
    expect(fake.calls.filter((c) => c.name === 'System.FrontendReady').map((c) => c.args)).toEqual([['#/flows/3']]);
  });
});
