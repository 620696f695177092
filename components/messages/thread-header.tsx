// The top of an open conversation: who it is, whether they can be texted, and a way back on phones,
// kept in view while the thread scrolls.
import Link from "@/components/ui/link";
import { ArrowLeftIcon, PhoneIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatPhone } from "@/lib/phone";

type Props = {
  name: string;
  phone: string;
  isNew: boolean;
  optedOut: boolean;
  backHref: string;
};

export function ThreadHeader({ name, phone, isNew, optedOut, backHref }: Props) {
  const formatted = formatPhone(phone);
  return (
    // Below lg the page itself scrolls the thread: the header sticks under the top bar (h-16) so the
    // name, the way back and Call stay in reach; on lg the thread scrolls inside its own box instead.
    <header className="sticky top-16 z-20 flex items-center gap-3 rounded-t-xl border-b bg-card px-3 py-3 sm:px-4 lg:static">
      <Button asChild variant="ghost" size="icon" className="-ml-1 lg:hidden">
        <Link href={backHref} aria-label="All conversations">
          <ArrowLeftIcon aria-hidden />
        </Link>
      </Button>
      <div className="grid min-w-0 flex-1 grid-cols-1 gap-0.5">
        <h2 className="flex flex-wrap items-center gap-2 font-semibold">
          <span className="truncate">{name}</span>
          {isNew && <Badge variant="secondary">New customer</Badge>}
          {optedOut && <Badge variant="destructive">Opted out of texts</Badge>}
        </h2>
        {formatted !== name && <p className="text-sm text-muted-foreground">{formatted}</p>}
      </div>
      <Button asChild variant="outline" size="sm">
        <a href={`tel:${phone}`}>
          <PhoneIcon aria-hidden />
          <span className="hidden sm:inline">Call</span>
          <span className="sr-only sm:hidden">Call {name}</span>
        </a>
      </Button>
    </header>
  );
}
