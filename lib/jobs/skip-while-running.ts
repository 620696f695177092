// For tasks run on a timer (the worker's sweeps): a run that comes due while the previous one is
// still going (a slow database, a long backlog) is skipped rather than started alongside it, so one
// process never sweeps the same rows twice at once.

export type SkippingTask = {
  /** Starts the task unless a run is in progress; returns whether it started. */
  run(): boolean;
  /** Resolves when no run is in progress (for a clean stop). */
  idle(): Promise<void>;
};

/** `task` must not reject: it is run on a timer, with nobody to catch. */
export function skipWhileRunning(task: () => Promise<void>, onSkip: () => void = () => {}): SkippingTask {
  let running: Promise<void> | null = null;
  return {
    run() {
      if (running) {
        onSkip();
        return false;
      }
      running = task().finally(() => {
        running = null;
      });
      return true;
    },
    idle: () => running ?? Promise.resolve(),
  };
}
