"use client";
// Anything unexpected on an admin page: say so plainly, offer a retry, show the reference for support.
import { useEffect } from "react";
import { RotateCcwIcon, TriangleAlertIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";

export default function AdminError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <Card role="alert" className="mx-auto mt-8 w-full max-w-lg">
      <CardContent className="grid justify-items-center gap-4 py-4 text-center">
        <div className="flex size-12 items-center justify-center rounded-full bg-destructive/10 text-destructive">
          <TriangleAlertIcon className="size-6" aria-hidden />
        </div>
        <div className="grid gap-1">
          <h1 className="text-lg font-semibold">This page didn&apos;t load</h1>
          <p className="text-sm text-muted-foreground">
            Something went wrong on our side. Your data is safe — try again in a moment.
          </p>
          {digest && <p className="text-xs text-muted-foreground">Reference: {digest}</p>}
        </div>
        <Button onClick={() => retry()}>
          <RotateCcwIcon aria-hidden />
          Try again
        </Button>
      </CardContent>
    </Card>
  );
}
