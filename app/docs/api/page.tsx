// /docs/api — the API reference, public like /api/openapi.json (it holds no salon data), rendered on the
// server from the same document: no script, no CDN, readable offline and on a phone.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { ApiReference } from "@/components/api-reference/api-reference";
import { Brand } from "@/components/layout/brand";
import { apiDescription, namedSchemas, referenceTags, securitySchemes } from "@/lib/openapi/reference";

export const metadata: Metadata = { title: "API reference" };

export default function ApiReferencePage() {
  return (
    <div className="min-h-dvh bg-background">
      <header className="border-b bg-card">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
          <Link href="/" aria-label="Bolt">
            <Brand />
          </Link>
          <a href="/api/openapi.json" className="text-sm text-primary underline-offset-2 hover:underline">
            openapi.json
          </a>
        </div>
      </header>
      <ApiReference description={apiDescription()} tags={referenceTags()} schemes={securitySchemes()} schemas={namedSchemas()} />
    </div>
  );
}
