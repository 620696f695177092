import { Skeleton } from "@/components/ui/skeleton";

/** Messages while it loads: the inbox list and (on wide screens, or when one is open) a thread. */
export function MessagesSkeleton({ thread = false }: { thread?: boolean }) {
  return (
    <div className="grid gap-6">
      <div className={thread ? "hidden gap-2 lg:grid" : "grid gap-2"}>
        <Skeleton className="h-8 w-40" />
        <Skeleton className="h-4 w-72" />
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[22rem_minmax(0,1fr)]">
        <div className={thread ? "hidden gap-3 lg:grid" : "grid gap-3"}>
          <Skeleton className="h-9 w-36 rounded-lg" />
          <Skeleton className="h-9 w-full" />
          <div className="grid divide-y rounded-xl border bg-card">
            {Array.from({ length: 6 }, (_, i) => (
              <div key={i} className="flex gap-3 px-3 py-3">
                <Skeleton className="size-9 rounded-full" />
                <div className="grid flex-1 gap-1.5">
                  <Skeleton className="h-4 w-32" />
                  <Skeleton className="h-3 w-full" />
                </div>
              </div>
            ))}
          </div>
        </div>
        <div
          className={
            thread
              ? "grid gap-4 rounded-xl border bg-card p-4"
              : "hidden gap-4 rounded-xl border bg-card p-4 lg:grid"
          }
        >
          <Skeleton className="h-5 w-40" />
          {[60, 45, 70, 50].map((w, i) => (
            <Skeleton
              key={i}
              className={i % 2 ? "ml-auto h-10 rounded-2xl" : "h-10 rounded-2xl"}
              style={{ width: `${w}%` }}
            />
          ))}
          <Skeleton className="h-10 w-full" />
        </div>
      </div>
    </div>
  );
}
