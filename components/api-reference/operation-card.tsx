// One operation of the reference: method and path, who may call it, parameters, body, responses, examples.
import { InlineMarkdown } from "@/components/api-reference/inline-markdown";
import { SchemaFields } from "@/components/api-reference/schema-fields";
import { exampleOf, typeLabel, type ReferenceOperation } from "@/lib/openapi/reference";
import { cn } from "@/lib/utils";

const METHOD_COLORS: Record<string, string> = {
  GET: "bg-success/12 text-success",
  POST: "bg-primary/10 text-primary",
  PATCH: "bg-warning/20 text-warning-foreground",
  PUT: "bg-warning/20 text-warning-foreground",
  DELETE: "bg-destructive/10 text-destructive",
};

const AUTH_WORDS: Record<string, string> = {
  apiKey: "API key",
  session: "session cookie",
  twilioSignature: "Twilio signature",
  stripeSignature: "Stripe signature",
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span className={cn("inline-flex w-16 shrink-0 justify-center rounded-md px-1.5 py-0.5 font-mono text-xs font-semibold", METHOD_COLORS[method])}>
      {method}
    </span>
  );
}

/** A scrolling code block: named and in the tab order, so a keyboard can scroll it too. */
function Example({ value, label }: { value: unknown; label: string }) {
  if (value === undefined) return null;
  const text = typeof value === "string" ? value : JSON.stringify(value, null, 2);
  return (
    <pre
      tabIndex={0}
      aria-label={label}
      className="max-h-80 max-w-full overflow-auto rounded-md bg-foreground/95 p-3 font-mono text-xs leading-relaxed text-background outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
    >
      <code>{text}</code>
    </pre>
  );
}

function Heading({ children }: { children: React.ReactNode }) {
  return <h4 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">{children}</h4>;
}

export function OperationCard({ op }: { op: ReferenceOperation }) {
  const auth = op.security.length ? op.security.map((s) => AUTH_WORDS[s] ?? s).join(" or ") : "none (public)";
  const successes = op.responses.filter((r) => r.status.startsWith("2"));
  const failures = op.responses.filter((r) => !r.status.startsWith("2"));
  return (
    <article id={op.id} className="grid grid-cols-1 scroll-mt-20 gap-4 rounded-xl border bg-card p-4 shadow-xs sm:p-5">
      <header className="grid grid-cols-1 gap-2">
        <div className="flex items-start gap-2">
          <MethodBadge method={op.method} />
          <code className="font-mono text-sm font-medium break-all">{op.path}</code>
        </div>
        <h3 className="text-lg font-semibold tracking-tight">{op.summary}</h3>
        {op.description && <InlineMarkdown text={op.description} className="text-sm text-muted-foreground" />}
        <p className="text-xs text-muted-foreground">
          Auth: {auth}
          {op.roles.length === 1 && ` · ${op.roles[0] === "OWNER" ? "owners only" : op.roles[0]}`}
          {op.roles.length > 1 && " · owners and staff"}
        </p>
      </header>

      {op.parameters.length > 0 && (
        <section className="grid grid-cols-1 gap-2">
          <Heading>Parameters</Heading>
          <ul className="grid grid-cols-1 divide-y rounded-md border text-sm">
            {op.parameters.map((p) => (
              <li key={`${p.in}-${p.name}`} className="grid grid-cols-1 gap-1 px-3 py-2">
                <div className="flex flex-wrap items-baseline gap-x-2">
                  <code className="font-mono text-[0.85em] font-semibold break-all">{p.name}</code>
                  <span className="text-xs text-muted-foreground">
                    {p.in} · {p.schema ? typeLabel(p.schema) : "string"}
                  </span>
                  {p.required && <span className="text-xs font-medium text-destructive">required</span>}
                </div>
                {(p.description ?? p.schema?.description) && (
                  <InlineMarkdown text={(p.description ?? p.schema?.description)!} className="text-muted-foreground" />
                )}
                {p.schema?.enum && <p className="text-xs text-muted-foreground">One of: {p.schema.enum.join(", ")}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {op.requestBody && (
        <section className="grid grid-cols-1 gap-2">
          <Heading>Body · {op.requestBody.contentType}</Heading>
          {op.requestBody.media.schema && <SchemaFields schema={op.requestBody.media.schema} />}
          <Example value={exampleOf(op.requestBody.media)} label={`Example request body, ${op.method.toUpperCase()} ${op.path}`} />
        </section>
      )}

      {successes.map((r) => (
        <section key={r.status} className="grid grid-cols-1 gap-2">
          <Heading>
            Response {r.status}
            {r.contentType && ` · ${r.contentType}`}
          </Heading>
          <p className="text-sm">{r.description}</p>
          {r.contentType === "application/json" && r.media?.schema && <SchemaFields schema={r.media.schema} />}
          {r.contentType && (
            <Example value={exampleOf(r.media)} label={`Example response ${r.status}, ${op.method.toUpperCase()} ${op.path}`} />
          )}
        </section>
      ))}

      {failures.length > 0 && (
        <section className="grid grid-cols-1 gap-2">
          <Heading>Errors</Heading>
          <ul className="grid grid-cols-1 gap-1 text-sm">
            {failures.map((r) => (
              <li key={r.status} className="flex gap-2">
                <span className="w-10 shrink-0 font-mono text-xs leading-5 font-semibold">{r.status}</span>
                <InlineMarkdown text={r.description} className="min-w-0 text-muted-foreground" />
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
