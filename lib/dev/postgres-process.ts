// Process-level helpers for the embedded PostgreSQL: a free port, and recovery from a crash that
// left postmaster.pid behind (or left the postmaster itself running without its parent).
import { existsSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** The preferred port when it is free, otherwise one the OS picks. */
export async function findFreePort(preferred?: number): Promise<number> {
  if (preferred && (await canListen(preferred))) return preferred;
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * Makes a leftover postmaster.pid harmless before starting. A dead or recycled PID: the file goes.
 * A live postmaster whose parent is gone (our previous run was killed): it is shut down. A live one
 * still owned by a running Node process (another `npm start`): we refuse rather than steal its data.
 */
export async function clearStalePostmaster(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile) || !existsSync("/proc/self")) return; // without /proc, PostgreSQL's own check decides
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !commandLine(pid).includes("postgres")) {
    rmSync(pidFile, { force: true });
    return;
  }
  const parent = parentPid(pid);
  if (
    parent !== undefined &&
    parent !== 1 &&
    isAlive(parent) &&
    /node|tsx|vitest/.test(commandLine(parent))
  ) {
    throw new Error(
      `PostgreSQL for ${dataDir} is already running (pid ${pid}, started by process ${parent}); stop that process first`,
    );
  }
  process.kill(pid, "SIGINT"); // "fast shutdown": rolls back open transactions, then exits cleanly
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited > 30_000)
      throw new Error(`an orphaned PostgreSQL (pid ${pid}) for ${dataDir} did not stop within 30s`);
    await sleep(100);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  return statField(pid, 0) !== "Z"; // a zombie has exited; only its process-table entry is left
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return ""; // the process exited meanwhile
  }
}

/** Fields of /proc/<pid>/stat after the "(comm)" part: 0 = state, 1 = parent pid. */
function statField(pid: number, index: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[index];
  } catch {
    return undefined;
  }
}

function parentPid(pid: number): number | undefined {
  const value = Number(statField(pid, 1));
  return Number.isInteger(value) ? value : undefined;
}
