// Unknown URLs: a friendly way back instead of a bare 404.
import Link from "@/components/ui/link";
import { CompassIcon } from "lucide-react";
import { Brand } from "@/components/layout/brand";
import { Button } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-8 px-4 text-center">
      <Brand />
      <div className="grid max-w-md justify-items-center gap-3">
        <div className="flex size-12 items-center justify-center rounded-full bg-accent text-accent-foreground">
          <CompassIcon className="size-6" aria-hidden />
        </div>
        <h1 className="text-2xl font-semibold tracking-tight">We couldn&apos;t find that page</h1>
        <p className="text-sm text-muted-foreground">
          The link may be old, or the page may have moved. Your salon&apos;s dashboard is a good place to
          start.
        </p>
      </div>
      <Button asChild>
        <Link href="/">Go to the dashboard</Link>
      </Button>
    </main>
  );
}
