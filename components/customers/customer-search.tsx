// Search above the customer list: a GET form, so the search lives in the URL and works without JavaScript.
import { SearchIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

export function CustomerSearch({ q }: { q?: string }) {
  return (
    <form method="get" action="/customers" role="search" aria-label="Search customers" className="flex gap-2">
      <div className="relative flex-1">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
        <Input
          name="q"
          type="search"
          defaultValue={q ?? ""}
          maxLength={100}
          placeholder="Name, phone number or email"
          aria-label="Name, phone number or email"
          className="pl-8"
        />
      </div>
      <Button type="submit" variant="outline">
        Search
      </Button>
    </form>
  );
}
