import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { binaryPath, startServer } from './harness';

const saved = process.env.CHATFLOW_BIN;

afterEach(() => {
  if (saved === undefined) delete process.env.CHATFLOW_BIN;
  else process.env.CHATFLOW_BIN = saved;
});

describe('harness', () => {
  it('defaults to ../bin/chatflow beside frontend/', () => {
    delete process.env.CHATFLOW_BIN;
    expect(binaryPath()).toBe(path.resolve(import.meta.dirname, '..', '..', 'bin', 'chatflow'));
  });

  it('says how to fix a missing binary', async () => {
    process.env.CHATFLOW_BIN = '/nonexistent/chatflow';
    await expect(startServer()).rejects.toThrow(
      'e2e: chatflow binary not found at /nonexistent/chatflow; run make build or set CHATFLOW_BIN.',
    );
  });

  it('reports a server that exits before printing its addresses', async () => {
    process.env.CHATFLOW_BIN = '/bin/false';
    await expect(startServer()).rejects.toThrow(/chatflow serve exited early \(code 1/);
  });
});
