import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debouncedTask } from './debounce';

describe('debouncedTask', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once after the last schedule', async () => {
    let runs = 0;
    const task = debouncedTask(() => {
      runs++;
      return Promise.resolve();
    }, 100);
    task.schedule();
    await vi.advanceTimersByTimeAsync(60);
    task.schedule();
    await vi.advanceTimersByTimeAsync(60);
    expect(runs).toBe(0);
    expect(task.busy()).toBe(true);
    await vi.advanceTimersByTimeAsync(40);
    expect(runs).toBe(1);
    expect(task.busy()).toBe(false);
  });

  it('never overlaps runs: a flush during a run starts after it', async () => {
    const log: string[] = [];
    let release = () => undefined as void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let n = 0;
    const task = debouncedTask(async () => {
      const me = ++n;
      log.push(`start ${me}`);
      if (me === 1) await gate;
      log.push(`end ${me}`);
    }, 100);
    const first = task.flush();
    const second = task.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual(['start 1']);
    release();
    await Promise.all([first, second, task.idle()]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('cancel drops a scheduled run', async () => {
    let runs = 0;
    const task = debouncedTask(() => {
      runs++;
      return Promise.resolve();
    }, 100);
    task.schedule();
    task.cancel();
    await vi.advanceTimersByTimeAsync(200);
    expect(runs).toBe(0);
  });
});
