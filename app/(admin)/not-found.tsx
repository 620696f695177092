// notFound() from an admin page (a mistyped call or conversation id, or another salon's): said plainly
// inside the admin shell, so the navigation stays and the way back is one click.
import Link from "@/components/ui/link";
import { SearchXIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";

export default function AdminNotFound() {
  return (
    <Card className="mx-auto mt-8 w-full max-w-lg">
      <CardContent className="grid justify-items-center gap-4 py-4 text-center">
        <div className="flex size-12 items-center justify-center rounded-full bg-accent text-accent-foreground">
          <SearchXIcon className="size-6" aria-hidden />
        </div>
        <div className="grid gap-1">
          <h1 className="text-lg font-semibold">We couldn&apos;t find that</h1>
          <p className="text-sm text-muted-foreground">
            The call, conversation or page this link points to isn&apos;t in your salon&apos;s account. The
            link may be old or mistyped.
          </p>
        </div>
        <div className="flex flex-wrap justify-center gap-2">
          <Button asChild>
            <Link href="/">Back to the dashboard</Link>
          </Button>
          <Button asChild variant="outline">
            <Link href="/calls">Calls</Link>
          </Button>
          <Button asChild variant="outline">
            <Link href="/messages">Messages</Link>
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
