// A JSON schema as a list of fields: name, type in words, required, description and allowed values,
// nested objects indented. Named schemas link to their entry under "Schemas" instead of repeating.
import { InlineMarkdown } from "@/components/api-reference/inline-markdown";
import { refName, resolveSchema, typeLabel, type JsonSchema } from "@/lib/openapi/reference";

const MAX_DEPTH = 4;

function nestedObject(schema: JsonSchema): JsonSchema | undefined {
  if (refName(schema)) return undefined;
  const item = schema.type === "array" || (Array.isArray(schema.type) && schema.type.includes("array")) ? schema.items : schema;
  if (!item || refName(item)) return undefined;
  const variant = (item.anyOf ?? item.oneOf)?.find((v) => v.properties);
  const target = variant ?? item;
  return target.properties ? target : undefined;
}

function TypeText({ schema }: { schema: JsonSchema }) {
  const name = refName(schema) ?? (schema.items ? refName(schema.items) : undefined);
  const label = typeLabel(schema);
  if (!name) return <span>{label}</span>;
  return (
    <a href={`#schema-${name}`} className="text-primary underline-offset-2 hover:underline">
      {label}
    </a>
  );
}

export function SchemaFields({ schema, depth = 0 }: { schema: JsonSchema; depth?: number }) {
  const resolved = depth === 0 ? resolveSchema(schema) : schema;
  const variants = resolved.oneOf ?? resolved.anyOf;
  if (!resolved.properties && variants) {
    return (
      <div className="grid grid-cols-1 gap-3">
        {variants.map((variant, i) => (
          <div key={i} className="grid grid-cols-1 gap-1">
            <p className="text-xs font-medium text-muted-foreground">{i === 0 ? "One of:" : "or:"}</p>
            <SchemaFields schema={variant} depth={depth + 1} />
          </div>
        ))}
      </div>
    );
  }
  if (!resolved.properties) {
    return (
      <p className="text-sm text-muted-foreground">
        <TypeText schema={schema} />
      </p>
    );
  }
  const required = new Set(resolved.required ?? []);
  return (
    <ul className="grid grid-cols-1 divide-y rounded-md border text-sm">
      {Object.entries(resolved.properties).map(([name, field]) => {
        const nested = depth < MAX_DEPTH ? nestedObject(field) : undefined;
        return (
          <li key={name} className="grid grid-cols-1 gap-1 px-3 py-2">
            <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
              <code className="font-mono text-[0.85em] font-semibold break-all">{name}</code>
              <span className="text-xs text-muted-foreground">
                <TypeText schema={field} />
              </span>
              {required.has(name) && <span className="text-xs font-medium text-destructive">required</span>}
            </div>
            {field.description && <InlineMarkdown text={field.description} className="text-muted-foreground" />}
            {field.enum && (
              <p className="flex flex-wrap gap-1 text-xs text-muted-foreground">
                One of:
                {field.enum.map((v) => (
                  <code key={String(v)} className="rounded bg-muted px-1 font-mono">
                    {String(v)}
                  </code>
                ))}
              </p>
            )}
            {nested && <SchemaFields schema={nested} depth={depth + 1} />}
          </li>
        );
      })}
    </ul>
  );
}
