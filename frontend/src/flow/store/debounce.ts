/**
 * A debounced, serialized task: schedule() runs it delayMs after the last
 * call, flush() runs it at once, and two runs never overlap (a run asked for
 * while one is in flight starts after it). Autosave and live validation use it.
 */
export interface DebouncedTask {
  schedule: () => void;
  /** Runs now (after any run in flight) and resolves when that run is done. */
  flush: () => Promise<void>;
  /** Drops a scheduled run; a run in flight finishes. */
  cancel: () => void;
  /** Reports whether a run is scheduled or in flight. */
  busy: () => boolean;
  /** Resolves when the runs started so far are done (a scheduled run is not started). */
  idle: () => Promise<void>;
}

/** Creates a debounced task around run, which must not reject. */
export function debouncedTask(run: () => Promise<void>, delayMs: number): DebouncedTask {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let tail: Promise<void> = Promise.resolve();
  let running = 0;

  const start = (): Promise<void> => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    running++;
    tail = tail.then(run).finally(() => {
      running--;
    });
    return tail;
  };

  return {
    schedule: () => {
      if (timer !== null) {
        clearTimeout(timer);
      }
      timer = setTimeout(() => void start(), delayMs);
    },
    flush: start,
    cancel: () => {
      if (timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
    },
    busy: () => timer !== null || running > 0,
    idle: () => tail,
  };
}
