// The two database roles (README, "Database roles"). The login role in DATABASE_URL owns the tables;
// row-level security is enabled on them but not forced, so the owner is not subject to it: system paths
// (webhook tenant lookup, jobs, sign-in, seed) and migrations, data migrations included, see every
// salon. salonDb connects as the login role too but switches at once (`-c role=…`) to the salon role,
// `<login role>_salon`: NOLOGIN, no BYPASSRLS, owns nothing, and may only read and write rows, so the
// policies (`"salonId" = current_setting('bolt.salon_id', true)`) always apply to it.
import pg from "pg";

/** The login role named by a PostgreSQL URL (its user). */
function loginRoleOf(url: string): string {
  const user = decodeURIComponent(new URL(url).username);
  if (!user) throw new Error("DATABASE_URL must name its user: the salon role is named after it (<user>_salon)");
  return user;
}

/** The salon role that goes with DATABASE_URL's login role. */
function salonRoleFor(url: string): string {
  return `${loginRoleOf(url)}_salon`;
}

/** The connection option that makes every session on a connection the salon role's. */
export function salonRoleOption(url: string): string {
  // libpq's options string: spaces separate arguments unless backslash-escaped.
  return `-c role=${salonRoleFor(url).replace(/[\\ ]/g, "\\$&")}`;
}

const ident = (name: string) => pg.escapeIdentifier(name);

/**
 * As a superuser (the embedded default, the test setup): creates the salon role, or puts an existing
 * one back to NOLOGIN NOBYPASSRLS, and lets the login role switch to it. Idempotent.
 */
export async function ensureSalonRoleAsAdmin(admin: pg.Client, loginRole: string): Promise<void> {
  const salonRole = `${loginRole}_salon`;
  const exists = await admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [salonRole]);
  const attributes = "NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE";
  await admin.query(`${exists.rowCount ? "ALTER" : "CREATE"} ROLE ${ident(salonRole)} WITH ${attributes}`);
  await admin.query(`GRANT ${ident(salonRole)} TO ${ident(loginRole)}`);
}

/**
 * As the login role, before migrating: makes sure the salon role exists and is usable, creating it
 * when the login role has CREATEROLE; otherwise fails, changing nothing, with the one line of SQL an
 * administrator runs.
 */
export async function ensureSalonRole(client: pg.Client, url: string): Promise<void> {
  const loginRole = loginRoleOf(url);
  const salonRole = salonRoleFor(url);
  const asSuperuser = "as a superuser, run:";
  const grant = `GRANT ${ident(salonRole)} TO ${ident(loginRole)};`;
  const { rows: roles } = await client.query<{ rolname: string; createrole: boolean; bypass: boolean }>(
    `SELECT rolname, rolcreaterole OR rolsuper AS createrole, rolbypassrls OR rolsuper AS bypass
     FROM pg_roles WHERE rolname IN (current_user, $1)`,
    [salonRole],
  );
  const mayCreate = roles.some((r) => r.rolname !== salonRole && r.createrole);
  const found = roles.find((r) => r.rolname === salonRole);
  if (!found) {
    if (!mayCreate)
      throw new Error(`the database role "${salonRole}" does not exist; ${asSuperuser} CREATE ROLE ${ident(salonRole)} NOLOGIN; ${grant}`);
    await client.query(`CREATE ROLE ${ident(salonRole)} NOLOGIN`);
  } else if (found.bypass) {
    throw new Error(
      `the database role "${salonRole}" bypasses row-level security; ${asSuperuser} ALTER ROLE ${ident(salonRole)} NOSUPERUSER NOBYPASSRLS;`,
    );
  }
  if (!(await canSwitchTo(client, salonRole))) {
    if (mayCreate) await client.query(`GRANT ${ident(salonRole)} TO CURRENT_USER`).catch(() => undefined);
    if (!(await canSwitchTo(client, salonRole)))
      throw new Error(`the login role "${loginRole}" cannot switch to the database role "${salonRole}"; ${asSuperuser} ${grant}`);
  }
}

/** What every salon connection does as it starts: SET ROLE to the salon role. */
async function canSwitchTo(client: pg.Client, salonRole: string): Promise<boolean> {
  try {
    await client.query(`SET ROLE ${ident(salonRole)}`);
    return true;
  } catch {
    return false;
  } finally {
    await client.query("RESET ROLE");
  }
}

/**
 * As the login role, after migrating: row rights on every table for the salon role, so tables added by
 * later migrations are covered. Salons are created and deleted by system paths only, and the
 * migrations' history is none of its business.
 */
export async function grantSalonRole(client: pg.Client, url: string): Promise<void> {
  const role = ident(salonRoleFor(url));
  const { rows } = await client.query<{ schema: string; salons: boolean }>(
    `SELECT current_schema() AS schema, to_regclass('"salons"') IS NOT NULL AS salons`,
  );
  const { schema, salons } = rows[0]!;
  await client.query(`GRANT USAGE ON SCHEMA ${ident(schema)} TO ${role}`);
  await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${ident(schema)} TO ${role}`);
  await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${ident(schema)} TO ${role}`);
  if (salons) await client.query(`REVOKE INSERT, DELETE ON "salons" FROM ${role}`);
  await client.query(`REVOKE ALL ON "_prisma_migrations" FROM ${role}`);
}
