// Paging back through a long conversation: the thread shows the latest texts, or those before
// `?before=` (an instant), with links between the two. The inbox's own filters stay in the links.
import Link from "@/components/ui/link";
import { getConversationQuerySchema } from "@/lib/validations/conversations";
import { hrefWith, type RawSearchParams } from "@/lib/url-state";

/** `?before=` as a date; anything else (missing, repeated, not a date-time) means the latest texts. */
export function parseThreadBefore(raw: RawSearchParams): Date | undefined {
  const parsed = getConversationQuerySchema.shape.before.safeParse(raw.before);
  return parsed.success ? parsed.data : undefined;
}

const linkClass = "font-medium text-primary underline-offset-4 hover:underline";

type Props = {
  path: string;
  /** The inbox's query string (q, unreadOnly), kept on the links. */
  listQuery: string;
  /** The texts shown, oldest first; the earlier page is everything before the first. */
  shown: Array<{ at: Date }>;
  hasEarlier: boolean;
  /** Showing earlier texts rather than the latest. */
  paged: boolean;
};

/** Above the thread: what part of the conversation this is, and the link to earlier texts. */
export function EarlierTextsLink({ path, listQuery, shown, hasEarlier, paged }: Props) {
  const oldest = shown[0];
  if (!paged && !hasEarlier) return null;
  if (!hasEarlier || !oldest) {
    return <p className="mb-4 text-center text-xs text-muted-foreground">The start of the conversation.</p>;
  }
  return (
    <p className="mb-4 text-center text-xs text-muted-foreground">
      {paged ? "Earlier texts." : `Showing the latest ${shown.length} texts.`}{" "}
      <Link
        href={hrefWith(path, new URLSearchParams(listQuery), { before: oldest.at.toISOString() })}
        className={linkClass}
      >
        Load earlier texts
      </Link>
    </p>
  );
}

/** Below earlier texts: the way back to the latest (and the reply box's context). */
export function LatestTextsLink({ path, listQuery }: { path: string; listQuery: string }) {
  return (
    <p className="mt-4 text-center text-xs">
      <Link href={hrefWith(path, new URLSearchParams(listQuery), {})} className={linkClass}>
        Back to the latest texts
      </Link>
    </p>
  );
}
