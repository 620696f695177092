"use client";
// Anything unexpected on an admin page: say so plainly, offer a retry, show the reference for support.
import { useEffect } from "react";
import { RotateCcwIcon, TriangleAlertIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ProblemCard } from "@/components/layout/problem-card";

export default function AdminError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <ProblemCard
      className="mx-auto mt-8"
      icon={<TriangleAlertIcon aria-hidden />}
      title="This page didn't load"
      action={
        <Button onClick={() => retry()}>
          <RotateCcwIcon aria-hidden />
          Try again
        </Button>
      }
    >
      <p className="text-sm text-muted-foreground">
        Something went wrong on our side. Your data is safe — try again in a moment.
      </p>
      {digest && <p className="text-xs text-muted-foreground">Reference: {digest}</p>}
    </ProblemCard>
  );
}
