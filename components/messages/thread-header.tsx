// The top of an open conversation: who it is, whether they can be texted, and a way back on phones.
import Link from "next/link";
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
    <header className="flex items-center gap-3 border-b px-3 py-3 sm:px-4">
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
