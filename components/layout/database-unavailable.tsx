// What an admin page shows while PostgreSQL is unreachable: a plain word and a reload, not an error trace.
import { DatabaseZapIcon, RotateCcwIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";

export function DatabaseUnavailable() {
  return (
    <main id="main" className="grid min-h-dvh place-items-center px-4">
      <Card role="alert" className="w-full max-w-lg">
        <CardContent className="grid justify-items-center gap-4 py-4 text-center">
          <div className="flex size-12 items-center justify-center rounded-full bg-destructive/10 text-destructive">
            <DatabaseZapIcon className="size-6" aria-hidden />
          </div>
          <div className="grid gap-1">
            <h1 className="text-lg font-semibold">Bolt can&apos;t reach its database right now</h1>
            <p className="text-sm text-muted-foreground">
              Nothing you saved is lost. This usually clears up within a minute — try again shortly.
            </p>
          </div>
          {/* A full reload (not a client navigation), so the layout asks the database again. */}
          <Button asChild>
            <a href="">
              <RotateCcwIcon aria-hidden />
              Try again
            </a>
          </Button>
        </CardContent>
      </Card>
    </main>
  );
}
