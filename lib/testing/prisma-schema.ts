// prisma/schema.prisma as Prisma itself reads it (the DMMF, from the same WebAssembly parser the
// CLI bundles), for tests that hold the database to the schema.
import schemaWasm from "@prisma/prisma-schema-wasm";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SCHEMA_PATH = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));

export type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  /** A @db.* type, as ["Date", []]; absent for Prisma's default mapping. */
  nativeType?: [string, string[]] | null;
  /** A literal, a list of literals, or a function such as { name: "now" } / { name: "cuid" }. */
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};

export type DmmfModel = {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
};
export type DmmfIndex = {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  fields: Array<{ name: string; sortOrder?: "asc" | "desc" }>;
};
export type Datamodel = {
  models: DmmfModel[];
  enums: Array<{
    name: string;
    dbName?: string | null;
    values: Array<{ name: string; dbName?: string | null }>;
  }>;
  indexes: DmmfIndex[];
};

let cached: Datamodel | undefined;

export function readDatamodel(): Datamodel {
  if (!cached) {
    const params = JSON.stringify({ prismaSchema: [["schema.prisma", readFileSync(SCHEMA_PATH, "utf8")]] });
    cached = (JSON.parse(schemaWasm.get_dmmf(params)) as { datamodel: Datamodel }).datamodel;
  }
  return cached;
}

export const tableOf = (model: DmmfModel): string => model.dbName ?? model.name;
export const columnOf = (field: DmmfField): string => field.dbName ?? field.name;
export const scalarFields = (model: DmmfModel): DmmfField[] =>
  model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum");

/**
 * Models whose rows belong to a salon (a salonId column): the tables row-level security guards. A
 * nullable salonId (webhook_events, before the event is matched to a salon) counts too: such rows are
 * visible to system connections only.
 */
export function salonOwnedModels(datamodel = readDatamodel()): DmmfModel[] {
  return datamodel.models.filter((m) => m.fields.some((f) => f.name === "salonId" && f.kind === "scalar"));
}
