// The embedded PostgreSQL where it used to fail: killed from outside before stop().
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/dev/embedded-postgres";

const dirs: string[] = [];
function tempDir(mode = 0o755): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bolt-embedded-pg-"));
  chmodSync(dir, mode);
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function postmasterPid(dataDir: string): number {
  return Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("stop()", () => {
  it("returns at once when the postmaster was killed from outside", async () => {
    const dataDir = path.join(tempDir(), "postgres");
    const pg = await startEmbeddedPostgres({ dataDir, persistent: false });
    const pid = postmasterPid(dataDir);
    process.kill(pid, "SIGKILL");
    while (isRunning(pid)) await sleep(20);
    await sleep(100); // lets Node reap the child and emit its "exit" before stop() looks

    const outcome = await Promise.race([pg.stop().then(() => "stopped"), sleep(3_000, "still waiting")]);

    expect(outcome).toBe("stopped");
    expect(existsSync(dataDir)).toBe(false); // a throwaway cluster's data still goes
  });
});
