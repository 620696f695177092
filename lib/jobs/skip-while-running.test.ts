// The worker's sweep timer: a run that comes due while the last one is still going is skipped.
import { describe, expect, it } from "vitest";
import { skipWhileRunning } from "@/lib/jobs/skip-while-running";

describe("skipWhileRunning", () => {
  it("runs the task once at a time, skipping runs that come due meanwhile, and runs again once it ends", async () => {
    let started = 0;
    let skipped = 0;
    let finish = () => {};
    const task = skipWhileRunning(
      () => {
        started += 1;
        return new Promise<void>((resolve) => (finish = resolve));
      },
      () => (skipped += 1),
    );

    expect(task.run()).toBe(true);
    expect(task.run()).toBe(false);
    expect(task.run()).toBe(false);
    expect([started, skipped]).toEqual([1, 2]);

    finish();
    await task.idle();
    expect(task.run()).toBe(true);
    expect(started).toBe(2);
    finish();
    await task.idle();
  });
});
