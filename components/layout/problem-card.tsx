// The card an admin page shows when it can't show itself: an icon, a plain sentence, one way forward.
import type { ReactNode } from "react";
import { Card, CardContent } from "@/components/ui/card";
import { cn } from "@/lib/utils";

export function ProblemCard(props: {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  action: ReactNode;
  className?: string;
}) {
  return (
    <Card role="alert" className={cn("w-full max-w-lg", props.className)}>
      <CardContent className="grid justify-items-center gap-4 py-4 text-center">
        <div className="flex size-12 items-center justify-center rounded-full bg-destructive/10 text-destructive [&_svg]:size-6">
          {props.icon}
        </div>
        <div className="grid gap-1">
          <h1 className="text-lg font-semibold">{props.title}</h1>
          {props.children}
        </div>
        {props.action}
      </CardContent>
    </Card>
  );
}
