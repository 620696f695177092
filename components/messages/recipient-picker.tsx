"use client";
// Who to text: a combobox searching the salon's customers and employees on the server (by name or
// digits of their number), or a number typed in full. Posts one hidden `to` field for the form schema.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Loader2Icon, PhoneIcon, UserIcon, UsersIcon } from "lucide-react";
import { searchRecipientsAction } from "@/lib/messaging/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { RecipientOption } from "@/lib/messaging/search-recipients";
import { formatPhone, normalizePhone } from "@/lib/phone";
import { cn } from "@/lib/utils";

export type SelectedRecipient = RecipientOption | { kind: "phone"; phone: string };

function recipientLabel(r: SelectedRecipient): string {
  return (r.kind !== "phone" && r.name) || formatPhone(r.phone) || "this number";
}

function recipientValue(r: SelectedRecipient): string {
  return r.kind === "phone" ? `phone:${r.phone}` : `${r.kind}:${r.id}`;
}

function unavailableReason(r: SelectedRecipient): string | null {
  if (r.kind === "customer" && r.optedOut) return "Opted out of texts (replied STOP)";
  if (!r.phone) return "No mobile number on file";
  return null;
}

function describe(r: SelectedRecipient): string {
  const who =
    r.kind === "customer" ? "Customer" : r.kind === "employee" ? "Employee" : "Number not in your contacts";
  return r.kind === "phone" || !r.phone ? who : `${who} · ${formatPhone(r.phone)}`;
}

const ICONS = { customer: UserIcon, employee: UsersIcon, phone: PhoneIcon } as const;

type Props = {
  value: SelectedRecipient | null;
  onChange: (value: SelectedRecipient | null) => void;
  /** Ids of the field's error and hint, for aria-describedby. */
  describedBy?: string;
  invalid?: boolean;
  disabled?: boolean;
};

export function RecipientPicker({ value, onChange, describedBy, invalid, disabled }: Props) {
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const changeRef = useRef<HTMLButtonElement>(null);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<RecipientOption[]>([]);
  // The query the current results answer; anything else typed since means a search is pending.
  const [answered, setAnswered] = useState<string | null>(null);
  const [searchFailed, setSearchFailed] = useState(false);
  const [active, setActive] = useState(0);
  const [focusTarget, setFocusTarget] = useState<"input" | "change" | null>(null);
  const requestSeq = useRef(0);

  // Debounced server search; a slower, older answer never replaces a newer one.
  useEffect(() => {
    if (!open) return;
    const seq = ++requestSeq.current;
    const timer = setTimeout(async () => {
      let found: RecipientOption[] | null = null;
      try {
        found = await searchRecipientsAction(query);
      } catch (err) {
        // Offline or the server hiccuped: say so in the list; typing a full number still works.
        console.error(err);
      }
      if (seq !== requestSeq.current) return;
      setResults(found ?? []);
      setSearchFailed(found === null);
      setAnswered(query);
    }, 200);
    return () => clearTimeout(timer);
  }, [query, open]);

  useEffect(() => {
    if (focusTarget === "input") inputRef.current?.focus();
    if (focusTarget === "change") changeRef.current?.focus();
  }, [focusTarget, value]);

  const typedPhone = normalizePhone(query);
  const options: SelectedRecipient[] = [
    ...(typedPhone ? [{ kind: "phone" as const, phone: typedPhone }] : []),
    ...results,
  ];
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));

  function choose(option: SelectedRecipient | undefined) {
    if (!option || unavailableReason(option)) return;
    onChange(option);
    setOpen(false);
    setQuery("");
    setFocusTarget("change");
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive(options.length ? (activeIndex + step + options.length) % options.length : 0);
    } else if (event.key === "Enter" && open) {
      // Enter picks the highlighted person instead of submitting the form.
      event.preventDefault();
      choose(options[activeIndex]);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  }

  if (value) {
    const Icon = ICONS[value.kind];
    return (
      <div
        className="flex items-center gap-3 rounded-md border bg-card px-3 py-2 shadow-xs"
        aria-describedby={describedBy}
      >
        <Icon className="size-4 shrink-0 text-muted-foreground" aria-hidden />
        <div className="grid min-w-0 flex-1" data-testid="selected-recipient">
          <span className="truncate text-sm font-medium">{recipientLabel(value)}</span>
          <span className="truncate text-xs text-muted-foreground">{describe(value)}</span>
        </div>
        <Button
          ref={changeRef}
          type="button"
          variant="ghost"
          size="sm"
          disabled={disabled}
          onClick={() => {
            onChange(null);
            setFocusTarget("input");
          }}
        >
          Change<span className="sr-only"> recipient</span>
        </Button>
        <input type="hidden" name="to" value={recipientValue(value)} />
        <input type="hidden" name="toLabel" value={recipientLabel(value)} />
      </div>
    );
  }

  const searching = answered !== query;
  const activeId = open && options.length ? `${listId}-${activeIndex}` : undefined;
  return (
    <div className="relative">
      <Input
        ref={inputRef}
        id="field-to"
        type="search"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        autoComplete="off"
        placeholder="Search a name or number, or type a mobile number"
        value={query}
        disabled={disabled}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <input type="hidden" name="to" value="" />
      {open && (
        <ul
          id={listId}
          role="listbox"
          aria-label="People and numbers"
          className="absolute z-20 mt-1 max-h-72 w-full overflow-y-auto rounded-md border bg-popover p-1 text-popover-foreground shadow-md"
        >
          {options.map((option, index) => {
            const reason = unavailableReason(option);
            const Icon = ICONS[option.kind];
            return (
              <li
                key={recipientValue(option)}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === activeIndex}
                aria-disabled={reason ? true : undefined}
                // mousedown would blur the input (closing the list) before the click lands.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(option)}
                onMouseMove={() => setActive(index)}
                className={cn(
                  "flex cursor-default items-center gap-2.5 rounded-sm px-2 py-1.5 text-sm",
                  index === activeIndex && "bg-accent text-accent-foreground",
                  reason && "opacity-60",
                )}
              >
                <Icon className="size-4 shrink-0 text-muted-foreground" aria-hidden />
                <span className="grid min-w-0">
                  <span className="truncate font-medium">
                    {option.kind === "phone" ? `Text ${formatPhone(option.phone)}` : recipientLabel(option)}
                  </span>
                  <span className="truncate text-xs text-muted-foreground">{reason ?? describe(option)}</span>
                </span>
              </li>
            );
          })}
          {options.length === 0 && (
            <li
              role="presentation"
              className="flex items-center gap-2 px-2 py-2 text-sm text-muted-foreground"
            >
              {searching && <Loader2Icon className="size-4 animate-spin" aria-hidden />}
              {searching
                ? "Searching…"
                : searchFailed
                  ? "Couldn't search just now. Try again, or type a full mobile number."
                  : "No one matches. Type a full mobile number to text it."}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
