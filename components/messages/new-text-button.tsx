import Link from "@/components/ui/link";
import { SendIcon } from "lucide-react";
import { Button } from "@/components/ui/button";

/** Messages → "Send text" (a new text to anyone, not a reply). */
export function NewTextButton() {
  return (
    <Button asChild variant="outline">
      <Link href="/messages/send">
        <SendIcon aria-hidden />
        New text
      </Link>
    </Button>
  );
}
