import * as React from "react";
import { InfoIcon, TriangleAlertIcon } from "lucide-react";
import { cn } from "@/lib/utils";

/** An inline callout: "info" for context, "warning" for something the reader can't do or should fix. */
function Notice({
  tone = "info",
  title,
  children,
  className,
}: {
  tone?: "info" | "warning";
  title?: React.ReactNode;
  children?: React.ReactNode;
  className?: string;
}) {
  const Icon = tone === "warning" ? TriangleAlertIcon : InfoIcon;
  return (
    <div
      data-slot="notice"
      role={tone === "warning" ? "alert" : "status"}
      className={cn(
        "flex items-start gap-3 rounded-lg border px-4 py-3 text-sm",
        tone === "warning" ? "border-warning/40 bg-warning/10" : "border-border bg-muted/50",
        className,
      )}
    >
      <Icon
        className={cn(
          "mt-0.5 size-4 shrink-0",
          tone === "warning" ? "text-warning-foreground" : "text-muted-foreground",
        )}
        aria-hidden
      />
      <div className="grid gap-0.5">
        {title && <p className="font-medium">{title}</p>}
        {children && <div className="text-muted-foreground">{children}</div>}
      </div>
    </div>
  );
}

export { Notice };
