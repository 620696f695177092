// What Prism's schema validation lets through: Twilio's schemas allow keys they don't name, so a
// misspelt or invented field ("SMS" for "sms") passes it. This walks a response body against the
// operation's schema and names every key the spec doesn't declare and, for a resource (a schema
// under components), every declared field left out (Twilio sends them all, null when unset).
import { readFileSync } from "node:fs";

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
};
type Operation = { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> };
type OpenApiDocument = {
  paths: Record<string, Record<string, Operation | unknown>>;
  components: { schemas: Record<string, Schema> };
};

export function readOpenApiDocument(file: string): OpenApiDocument {
  return JSON.parse(readFileSync(file, "utf8")) as OpenApiDocument;
}

/** The spec's path template a concrete path falls under; the most literal one wins ("Local.json" over "{Sid}.json"). */
export function matchPathTemplate(doc: OpenApiDocument, pathname: string): string | undefined {
  const matches = Object.keys(doc.paths).filter((template) => {
    const pattern = template.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+");
    return new RegExp(`^${pattern}$`).test(pathname);
  });
  const params = (t: string) => (t.match(/\{/g) ?? []).length;
  return matches.sort((a, b) => params(a) - params(b))[0];
}

export function responseSchema(doc: OpenApiDocument, template: string, method: string, status: number): Schema | undefined {
  const operation = doc.paths[template]?.[method.toLowerCase()] as Operation | undefined;
  return operation?.responses?.[String(status)]?.content?.["application/json"]?.schema;
}

function resolve(doc: OpenApiDocument, schema: Schema): { schema: Schema; isResource: boolean } {
  if (!schema.$ref) return { schema, isResource: false };
  const name = schema.$ref.replace("#/components/schemas/", "");
  const target = doc.components.schemas[name];
  if (!target) throw new Error(`Unresolvable $ref ${schema.$ref}`);
  return { schema: target, isResource: true };
}

/** Problems with `value`'s keys against `schema`, each as "body.a.0.b: …". */
export function shapeProblems(doc: OpenApiDocument, schema: Schema, value: unknown, at = "body"): string[] {
  if (value === null || typeof value !== "object") return [];
  const { schema: resolved, isResource } = resolve(doc, schema);
  if (Array.isArray(value)) {
    const items = resolved.items;
    return items ? value.flatMap((item, i) => shapeProblems(doc, items, item, `${at}.${i}`)) : [];
  }
  const properties = resolved.properties;
  if (!properties) return [];
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const [key, child] of Object.entries(record)) {
    const declared = properties[key];
    if (!declared) problems.push(`${at}.${key}: not in the spec`);
    else problems.push(...shapeProblems(doc, declared, child, `${at}.${key}`));
  }
  if (isResource) {
    for (const key of Object.keys(properties)) if (!(key in record)) problems.push(`${at}.${key}: missing`);
  }
  return problems;
}
