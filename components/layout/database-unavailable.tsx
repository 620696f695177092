// What an admin page shows while PostgreSQL is unreachable: a plain word and a reload, not an error trace.
import { DatabaseZapIcon, RotateCcwIcon } from "lucide-react";
import { ProblemCard } from "@/components/layout/problem-card";
import { Button } from "@/components/ui/button";

export function DatabaseUnavailable() {
  return (
    <main id="main" className="grid min-h-dvh place-items-center px-4">
      <ProblemCard
        icon={<DatabaseZapIcon aria-hidden />}
        title="Bolt can't reach its database right now"
        action={
          // A full reload (not a client navigation), so the layout asks the database again.
          <Button asChild>
            <a href="">
              <RotateCcwIcon aria-hidden />
              Try again
            </a>
          </Button>
        }
      >
        <p className="text-sm text-muted-foreground">
          Nothing you saved is lost. This usually clears up within a minute — try again shortly.
        </p>
      </ProblemCard>
    </main>
  );
}
