// The caller's IP for rate limiting and the login throttle.

/**
 * Takes the right-most X-Forwarded-For entry: that is the one our own proxy appended, whereas entries to
 * its left are whatever the client chose to send. Without a proxy header all callers share "unknown".
 */
export function getClientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
  const ip = last ?? headers.get("x-real-ip")?.trim();
  // Bounded so a hostile header cannot make a huge rate-limit key (the column is varchar(255)).
  return ip ? ip.slice(0, 64) : "unknown";
}
