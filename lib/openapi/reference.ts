// Reading the generated document for the reference page (/docs/api): operations grouped by tag, $refs
// resolved, a schema's type in a few words, and a sample value for schemas without an example.
import { API_TAGS, openApiDocument } from "@/lib/openapi/document";

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  example?: unknown;
  examples?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
};

type MediaType = { schema?: JsonSchema; example?: unknown; examples?: Record<string, { value: unknown }> };
type Response = { $ref?: string; description: string; content?: Record<string, MediaType> };
type Parameter = { in: string; name: string; required?: boolean; description?: string; schema?: JsonSchema };

export type ReferenceOperation = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description?: string;
  roles: string[];
  security: string[];
  parameters: Parameter[];
  requestBody?: { contentType: string; media: MediaType };
  responses: Array<{ status: string; description: string; contentType?: string; media?: MediaType }>;
};

export type ReferenceTag = { name: string; slug: string; description: string; operations: ReferenceOperation[] };

type RawOperation = {
  operationId: string;
  summary: string;
  description?: string;
  security?: Array<Record<string, unknown>>;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, Response>;
  "x-bolt-roles"?: string[];
};

const METHODS = ["get", "post", "put", "patch", "delete"];

const slugOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");

function document() {
  return openApiDocument() as unknown as {
    paths: Record<string, Record<string, RawOperation>>;
    components: { schemas?: Record<string, JsonSchema>; responses?: Record<string, Response>; securitySchemes?: Record<string, { description?: string }> };
  };
}

function resolveResponse(response: Response): Response {
  const name = response.$ref?.replace("#/components/responses/", "");
  return (name && document().components.responses?.[name]) || response;
}

/** The document's operations in the tags' order, each with what the page shows. */
export function referenceTags(): ReferenceTag[] {
  const { paths } = document();
  return API_TAGS.map((tag) => ({
    name: tag.name,
    slug: slugOf(tag.name),
    description: tag.description,
    operations: Object.keys(tag.paths).flatMap((path) =>
      METHODS.filter((m) => paths[path]?.[m]).map((method) => {
        const op = paths[path]![method]!;
        const [body] = Object.entries(op.requestBody?.content ?? {});
        return {
          id: op.operationId,
          method: method.toUpperCase(),
          path,
          summary: op.summary,
          description: op.description,
          roles: op["x-bolt-roles"] ?? [],
          security: (op.security ?? []).flatMap((s) => Object.keys(s)),
          parameters: op.parameters ?? [],
          requestBody: body ? { contentType: body[0], media: body[1] } : undefined,
          responses: Object.entries(op.responses).map(([status, raw]) => {
            const response = resolveResponse(raw);
            const [content] = Object.entries(response.content ?? {});
            return { status, description: response.description, contentType: content?.[0], media: content?.[1] };
          }),
        };
      }),
    ),
  }));
}

export function securitySchemes(): Record<string, { description?: string }> {
  return document().components.securitySchemes ?? {};
}

/** A `#/components/schemas/X` reference's name, or undefined. */
export const refName = (schema: JsonSchema) => schema.$ref?.replace("#/components/schemas/", "");

export function resolveSchema(schema: JsonSchema): JsonSchema {
  const name = refName(schema);
  return name ? { ...document().components.schemas?.[name], ...(schema.description ? { description: schema.description } : {}) } : schema;
}

/** zod writes ±Number.MAX_SAFE_INTEGER as an integer's bounds: no bound worth showing. */
const bound = (n: number | undefined) => (n === undefined || Math.abs(n) === Number.MAX_SAFE_INTEGER ? undefined : n);

/** "string · date-time", "integer 1–100", "array of Appointment", "Appointment or null". */
export function typeLabel(raw: JsonSchema): string {
  const name = refName(raw);
  if (name) return name;
  const s = raw;
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return variants.map(typeLabel).join(" or ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  const types = (Array.isArray(s.type) ? s.type : [s.type ?? "any"]).map((t) => (t === "array" && s.items ? `array of ${typeLabel(s.items)}` : t));
  let label = types.join(" or ");
  if (s.format) label += ` · ${s.format}`;
  const [min, max] = [bound(s.minimum), bound(s.maximum)];
  if (min !== undefined || max !== undefined) label += ` ${min ?? "…"}–${max ?? "…"}`;
  if (s.maxLength !== undefined) label += ` ≤ ${s.maxLength} chars`;
  return label;
}

/** A value that fits the schema: its example, default, first enum value, or one made up from its type. */
function sampleOf(raw: JsonSchema, depth = 0): unknown {
  const s = resolveSchema(raw);
  if (s.example !== undefined) return s.example;
  if (s.examples?.length) return s.examples[0];
  if (s.const !== undefined) return s.const;
  if (s.default !== undefined) return s.default;
  if (s.enum?.length) return s.enum[0];
  const variant = (s.oneOf ?? s.anyOf)?.find((v) => v.type !== "null");
  if (variant) return sampleOf(variant, depth);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  if (depth > 6) return null;
  switch (type) {
    case "object":
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sampleOf(v, depth + 1)]));
    case "array":
      return s.items ? [sampleOf(s.items, depth + 1)] : [];
    case "integer":
    case "number":
      return bound(s.minimum) ?? 1;
    case "boolean":
      return true;
    case "string":
      return s.format === "date-time" ? "2026-12-04T20:30:00.000Z" : s.format === "date" ? "2026-12-04" : "string";
    default:
      return null;
  }
}

/** The example of a request or response body: the one given, else a sample made from its schema. */
export function exampleOf(media: MediaType | undefined): unknown {
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const first = Object.values(media.examples ?? {})[0];
  if (first) return first.value;
  return media.schema ? sampleOf(media.schema) : undefined;
}

export function namedSchemas(): Record<string, JsonSchema> {
  return document().components.schemas ?? {};
}

export function apiDescription(): string {
  return openApiDocument().info.description ?? "";
}
