import { Skeleton } from "@/components/ui/skeleton";

/** The customer list's shape while it loads: header, search, rows. */
export function CustomersSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <Skeleton className="h-8 w-40" />
        <Skeleton className="h-4 w-72" />
      </div>
      <Skeleton className="h-9 w-full" />
      <div className="grid gap-0 overflow-hidden rounded-xl border bg-card">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex items-center gap-6 border-b px-3 py-3.5 last:border-0">
            <Skeleton className="h-4 w-36" />
            <Skeleton className="h-4 w-28" />
            <Skeleton className="hidden h-4 w-24 md:block" />
            <Skeleton className="h-5 w-16 rounded-full" />
          </div>
        ))}
      </div>
    </div>
  );
}
