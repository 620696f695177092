import { Badge } from "@/components/ui/badge";
import type { NotificationStatus } from "@/lib/generated/prisma/enums";
import { cn } from "@/lib/utils";
import { STATUS_LABELS } from "@/components/notifications/labels";

// Grey while waiting, blue while on its way, green when it arrived, red when it didn't, muted when we stopped it.
const TONES: Record<NotificationStatus, string> = {
  QUEUED: "border-transparent bg-secondary text-secondary-foreground",
  SENDING: "border-transparent bg-sky-100 text-sky-800",
  SENT: "border-transparent bg-sky-100 text-sky-800",
  DELIVERED: "border-transparent bg-success/12 text-success",
  UNDELIVERED: "border-transparent bg-destructive/10 text-destructive",
  FAILED: "border-transparent bg-destructive/10 text-destructive",
  CANCELED: "border-dashed bg-transparent text-muted-foreground",
};

export function NotificationStatusBadge({
  status,
  className,
}: {
  status: NotificationStatus;
  className?: string;
}) {
  return (
    <Badge variant="outline" data-status={status} className={cn(TONES[status], className)}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}
