"use client";
// Today / Yesterday / 7 days beside a list's filters: one tap sets `from`/`to` to whole days on the
// salon's calendar and reloads the list from its first page. The matching preset shows as pressed.
import { useState, useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { DATE_PRESETS, datePresetRange } from "@/lib/time/date-presets";
import { hrefWith } from "@/lib/url-state";

export function DatePresets({ timeZone }: { timeZone: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  // The day the page was opened on decides which preset reads as pressed; a tap uses the moment of the tap.
  const [openedAt] = useState(() => new Date());

  return (
    <div role="group" aria-label="Dates" aria-busy={pending} className="flex gap-1">
      {DATE_PRESETS.map(({ id, label }) => {
        const range = datePresetRange(id, openedAt, timeZone);
        const pressed = params.get("from") === range.from && params.get("to") === range.to;
        return (
          <Button
            key={id}
            type="button"
            size="sm"
            variant={pressed ? "secondary" : "ghost"}
            aria-pressed={pressed}
            data-preset={id}
            onClick={() => {
              const now = datePresetRange(id, new Date(), timeZone);
              startTransition(() =>
                router.push(hrefWith(pathname, params, { ...now, before: null, after: null }), {
                  scroll: false,
                }),
              );
            }}
          >
            {label}
          </Button>
        );
      })}
    </div>
  );
}
