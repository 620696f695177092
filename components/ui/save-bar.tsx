import { Loader2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";

/**
 * The Save row at the foot of a settings form. Sticky so Save is in reach from any card on a long
 * form; `note` says when the change takes effect (hidden on small screens).
 */
export function SaveBar({ pending, note }: { pending: boolean; note: string }) {
  return (
    <div className="sticky bottom-0 z-10 -mx-4 flex items-center justify-end gap-3 border-t bg-background/90 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-xl sm:border sm:px-5">
      <p className="hidden text-sm text-muted-foreground sm:block">{note}</p>
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending && <Loader2Icon className="animate-spin" aria-hidden />}
        {pending ? "Saving…" : "Save changes"}
      </Button>
    </div>
  );
}
