// A plain-data picture of a database's public schema, read from the catalogs: what migrations built,
// for comparing against schema.prisma and for "rolled back and re-applied → identical" checks.
import pg from "pg";

export type ColumnInfo = { type: string; notNull: boolean; default: string | null };
export type IndexInfo = {
  table: string;
  unique: boolean;
  primary: boolean;
  columns: string[];
  descending: boolean[];
};
export type ForeignKeyInfo = {
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: string;
  onUpdate: string;
};
export type TableInfo = {
  columns: Record<string, ColumnInfo>;
  rowSecurity: boolean;
  forceRowSecurity: boolean;
};
export type PolicyInfo = {
  table: string;
  name: string;
  command: string;
  using: string | null;
  check: string | null;
};

export type SchemaSnapshot = {
  tables: Record<string, TableInfo>;
  enums: Record<string, string[]>;
  indexes: Record<string, IndexInfo>;
  primaryKeys: Record<string, { table: string; columns: string[] }>;
  foreignKeys: Record<string, ForeignKeyInfo>;
  policies: PolicyInfo[];
};

const ACTIONS: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

export async function introspect(url: string): Promise<SchemaSnapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async <T extends pg.QueryResultRow>(sql: string) => (await client.query<T>(sql)).rows;
    const snapshot: SchemaSnapshot = {
      tables: {},
      enums: {},
      indexes: {},
      primaryKeys: {},
      foreignKeys: {},
      policies: [],
    };

    for (const t of await q<{ name: string; rls: boolean; force: boolean }>(`
      SELECT c.relname AS name, c.relrowsecurity AS rls, c.relforcerowsecurity AS force
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'`)) {
      snapshot.tables[t.name] = { columns: {}, rowSecurity: t.rls, forceRowSecurity: t.force };
    }

    for (const c of await q<{
      table: string;
      name: string;
      type: string;
      not_null: boolean;
      default: string | null;
    }>(`
      SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
             a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`)) {
      snapshot.tables[c.table]!.columns[c.name] = { type: c.type, notNull: c.not_null, default: c.default };
    }

    for (const e of await q<{ name: string; values: string[] }>(`
      SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`)) {
      snapshot.enums[e.name] = e.values;
    }

    for (const i of await q<{
      name: string;
      table: string;
      unique: boolean;
      primary: boolean;
      columns: string[];
      descending: boolean[];
    }>(`
      SELECT ic.relname AS name, tc.relname AS table, ix.indisunique AS unique, ix.indisprimary AS primary,
             array(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = tc.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
             array(SELECT (o.opt & 1) = 1 FROM unnest(ix.indoption::int2[]) WITH ORDINALITY o(opt, ord) ORDER BY o.ord) AS descending
      FROM pg_index ix
      JOIN pg_class ic ON ic.oid = ix.indexrelid JOIN pg_class tc ON tc.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = tc.relnamespace
      WHERE n.nspname = 'public'`)) {
      snapshot.indexes[i.name] = {
        table: i.table,
        unique: i.unique,
        primary: i.primary,
        columns: i.columns,
        descending: i.descending,
      };
    }

    for (const k of await q<{
      name: string;
      type: string;
      table: string;
      columns: string[];
      ref_table: string | null;
      ref_columns: string[] | null;
      del: string;
      upd: string;
    }>(`
      SELECT con.conname AS name, con.contype AS type, tc.relname AS table,
             array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
             rc.relname AS ref_table,
             array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS ref_columns,
             con.confdeltype AS del, con.confupdtype AS upd
      FROM pg_constraint con
      JOIN pg_class tc ON tc.oid = con.conrelid JOIN pg_namespace n ON n.oid = tc.relnamespace
      LEFT JOIN pg_class rc ON rc.oid = con.confrelid
      WHERE n.nspname = 'public' AND con.contype IN ('p', 'f')`)) {
      if (k.type === "p") snapshot.primaryKeys[k.name] = { table: k.table, columns: k.columns };
      else {
        snapshot.foreignKeys[k.name] = {
          table: k.table,
          columns: k.columns,
          refTable: k.ref_table ?? "",
          refColumns: k.ref_columns ?? [],
          onDelete: ACTIONS[k.del] ?? k.del,
          onUpdate: ACTIONS[k.upd] ?? k.upd,
        };
      }
    }

    snapshot.policies = await q<PolicyInfo>(`
      SELECT tablename AS table, policyname AS name, cmd AS command, qual AS using, with_check AS check
      FROM pg_policies WHERE schemaname = 'public' ORDER BY tablename, policyname`);
    return snapshot;
  } finally {
    await client.end();
  }
}
