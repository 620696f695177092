"use client";
// The app's <Link>: next/link that prefetches a page when someone reaches for it (pointer over it, keyboard
// focus, a finger down), not whenever it scrolls into view. Every admin page is rendered per request from
// the salon's data, so a viewport prefetch is a server render with its queries: a page with the sidebar,
// the settings tabs and a table of calls fired ~17 of them on every load, for pages mostly never opened.
// Intent still starts the fetch a moment before the click, so the page's loading state shows at once.
import NextLink from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps, FocusEvent, MouseEvent, TouchEvent } from "react";

type Props = ComponentProps<typeof NextLink>;

export default function Link({ prefetch, href, onMouseEnter, onFocus, onTouchStart, ...props }: Props) {
  const router = useRouter();
  const url = typeof href === "string" ? href : null;
  // An explicit prefetch={false} means none at all; only our own pages are prefetched.
  const onIntent = prefetch !== false && url !== null && url.startsWith("/") ? () => router.prefetch(url) : undefined;
  return (
    <NextLink
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(e: MouseEvent<HTMLAnchorElement>) => {
        onIntent?.();
        onMouseEnter?.(e);
      }}
      onFocus={(e: FocusEvent<HTMLAnchorElement>) => {
        onIntent?.();
        onFocus?.(e);
      }}
      onTouchStart={(e: TouchEvent<HTMLAnchorElement>) => {
        onIntent?.();
        onTouchStart?.(e);
      }}
    />
  );
}
