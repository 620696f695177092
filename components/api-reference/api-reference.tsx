// The API reference, rendered on the server from the OpenAPI document: an introduction, auth, then
// each tag's operations, and the named schemas. A contents list beside it (above it on phones).
import { InlineMarkdown } from "@/components/api-reference/inline-markdown";
import { MethodBadge, OperationCard } from "@/components/api-reference/operation-card";
import { SchemaFields } from "@/components/api-reference/schema-fields";
import type { JsonSchema, ReferenceTag } from "@/lib/openapi/reference";

type Props = {
  description: string;
  tags: ReferenceTag[];
  schemes: Record<string, { description?: string }>;
  schemas: Record<string, JsonSchema>;
};

const SCHEME_TITLES: Record<string, string> = {
  apiKey: "API key (bearer)",
  session: "Session cookie",
  twilioSignature: "Twilio signature",
  stripeSignature: "Stripe signature",
};

function Contents({ tags }: { tags: ReferenceTag[] }) {
  return (
    <nav aria-label="Contents" className="grid grid-cols-1 gap-4 text-sm">
      <a href="#authentication" className="font-medium hover:underline">
        Authentication
      </a>
      {tags.map((tag) => (
        <div key={tag.slug} className="grid grid-cols-1 gap-1">
          <a href={`#${tag.slug}`} className="font-medium hover:underline">
            {tag.name}
          </a>
          <ul className="grid grid-cols-1 gap-1">
            {tag.operations.map((op) => (
              <li key={op.id}>
                <a href={`#${op.id}`} className="flex items-center gap-2 text-muted-foreground hover:text-foreground">
                  <MethodBadge method={op.method} />
                  <span className="truncate">{op.summary}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <a href="#schemas" className="font-medium hover:underline">
        Schemas
      </a>
    </nav>
  );
}

export function ApiReference({ description, tags, schemes, schemas }: Props) {
  return (
    <div className="mx-auto grid w-full max-w-6xl grid-cols-1 gap-8 px-4 py-8 lg:grid-cols-[16rem_minmax(0,1fr)]">
      <aside className="lg:sticky lg:top-6 lg:max-h-[calc(100dvh-3rem)] lg:overflow-y-auto">
        <details className="rounded-lg border bg-card p-3 lg:hidden">
          <summary className="cursor-pointer text-sm font-medium">Contents</summary>
          <div className="mt-3">
            <Contents tags={tags} />
          </div>
        </details>
        <div className="hidden lg:block">
          <Contents tags={tags} />
        </div>
      </aside>

      <main className="grid grid-cols-1 min-w-0 gap-10">
        <section className="grid grid-cols-1 gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">Bolt API reference</h1>
          <InlineMarkdown text={description} className="text-sm leading-relaxed" />
          <p className="text-sm">
            The same as an OpenAPI 3.1 document:{" "}
            <a href="/api/openapi.json" className="font-mono text-primary underline-offset-2 hover:underline">
              /api/openapi.json
            </a>{" "}
            (for code generators, Postman or a mock server).
          </p>
        </section>

        <section id="authentication" className="grid grid-cols-1 scroll-mt-6 gap-3">
          <h2 className="text-xl font-semibold tracking-tight">Authentication</h2>
          <dl className="grid grid-cols-1 gap-3 text-sm">
            {Object.entries(schemes).map(([name, scheme]) => (
              <div key={name} className="grid grid-cols-1 gap-1 rounded-lg border bg-card p-3">
                <dt className="font-medium">{SCHEME_TITLES[name] ?? name}</dt>
                {scheme.description && (
                  <dd>
                    <InlineMarkdown text={scheme.description} className="text-muted-foreground" />
                  </dd>
                )}
              </div>
            ))}
          </dl>
        </section>

        {tags.map((tag) => (
          <section key={tag.slug} id={tag.slug} className="grid grid-cols-1 scroll-mt-6 gap-4">
            <div className="grid grid-cols-1 gap-1">
              <h2 className="text-xl font-semibold tracking-tight">{tag.name}</h2>
              <InlineMarkdown text={tag.description} className="text-sm text-muted-foreground" />
            </div>
            {tag.operations.map((op) => (
              <OperationCard key={op.id} op={op} />
            ))}
          </section>
        ))}

        <section id="schemas" className="grid grid-cols-1 scroll-mt-6 gap-4">
          <h2 className="text-xl font-semibold tracking-tight">Schemas</h2>
          {Object.entries(schemas).map(([name, schema]) => (
            <div key={name} id={`schema-${name}`} className="grid grid-cols-1 scroll-mt-6 gap-2">
              <h3 className="font-mono text-base font-semibold">{name}</h3>
              {schema.description && <InlineMarkdown text={schema.description} className="text-sm text-muted-foreground" />}
              <SchemaFields schema={schema} />
            </div>
          ))}
        </section>
      </main>
    </div>
  );
}
