import { Skeleton } from "@/components/ui/skeleton";

/** The appointments page's shape while it loads: a header, then days of rows. */
export function AppointmentsSkeleton({ days = 3 }: { days?: number }) {
  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      {Array.from({ length: days }, (_, d) => (
        <div key={d} className="grid gap-2">
          <Skeleton className="h-4 w-40" />
          <div className="divide-y rounded-xl border bg-card">
            {Array.from({ length: 3 }, (_, i) => (
              <div key={i} className="flex flex-wrap items-center gap-4 px-4 py-3.5">
                <Skeleton className="h-4 w-16" />
                <div className="grid flex-1 gap-1.5">
                  <Skeleton className="h-4 w-40" />
                  <Skeleton className="h-3 w-64 max-w-full" />
                </div>
                <Skeleton className="h-8 w-36" />
              </div>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
