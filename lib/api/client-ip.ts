// The caller's IP for rate limiting and the login throttle. Route handlers can't see the TCP peer, so the
// front gate (lib/api/front-gate.ts, run by scripts/start.ts) decides the IP once per request and hands it
// over in an internal header; X-Forwarded-For counts only as far as TRUST_PROXY says.
import { isIP } from "node:net";
import proxyaddr from "proxy-addr";
import type { TrustProxy } from "@/lib/env";

/** Set by the front gate after it deletes any copy the client sent: nothing else writes it. */
export const CLIENT_IP_HEADER = "x-bolt-client-ip";

/** The IP the front gate decided on; "unknown" when the request did not come through it. */
export function getClientIp(headers: Headers): string {
  const ip = headers.get(CLIENT_IP_HEADER)?.trim();
  // Bounded so a bad value can never make a huge rate-limit key (the column is varchar(255)).
  return ip ? ip.slice(0, 64) : "unknown";
}

/** Node reports IPv4 peers on a dual-stack socket as ::ffff:a.b.c.d; one client, one key. */
function normalize(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  return mapped ? mapped[1]! : ip.toLowerCase();
}

function trustFunction(trust: Exclude<TrustProxy, { kind: "off" }>): (addr: string, hop: number) => boolean {
  return trust.kind === "hops" ? (_addr, hop) => hop < trust.hops : proxyaddr.compile(trust.addresses);
}

/**
 * The client's address: the TCP peer, or with TRUST_PROXY the first X-Forwarded-For entry, walking right to
 * left from the peer, that is not a trusted proxy. An entry that is not an IP stops the walk at the last
 * trusted hop, so garbage can neither become a rate-limit key of its own nor be rotated into fresh ones.
 */
export function resolveClientIp(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trust: TrustProxy,
): string {
  if (!peer) return "unknown";
  if (trust.kind === "off") return normalize(peer);
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = proxyaddr.all(
    { headers: { "x-forwarded-for": header }, socket: { remoteAddress: peer } } as never,
    trustFunction(trust),
  );
  const client = chain.findLast((addr) => isIP(normalize(addr)) !== 0);
  return normalize(client ?? peer);
}
