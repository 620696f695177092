// A keyset page past the end of its list (a stale Older/Newer link): says so and links back to the first
// page with the same filters.
import { SearchXIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import Link from "@/components/ui/link";
import { hrefWith } from "@/lib/url-state";

export function PastLastPage({ path, params }: { path: string; params: URLSearchParams }) {
  return (
    <EmptyState
      icon={SearchXIcon}
      title="Nothing on this page"
      description="The list ends before this page — it may have changed since the link was made."
      action={
        <Button asChild variant="outline">
          <Link href={hrefWith(path, params, { after: null, before: null })}>Back to the first page</Link>
        </Button>
      }
    />
  );
}
