// Wire-level helpers for the stand-in: form bodies in, Twilio-shaped JSON out, Basic auth, paging.
import type { IncomingMessage, ServerResponse } from "node:http";
import { TwilioApiError } from "./errors";
import { newSid } from "./fixtures";

const MAX_BODY_BYTES = 256 * 1024;

/** The SDK sends application/x-www-form-urlencoded; repeated keys keep their last value. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new TwilioApiError(413, 20413, "Request body too large");
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

export function sendJson(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  res.setHeader("Twilio-Request-Id", newSid("RQ"));
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (status === 204 || body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const payload = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(payload) });
  res.end(payload);
}

/** `Authorization: Basic base64(sid:token)` → its parts, or null when absent or malformed. */
export function parseBasicAuth(header: string | undefined): { username: string; password: string } | null {
  const match = /^Basic\s+(.+)$/i.exec(header ?? "");
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 1) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** A number query param, or the fallback when missing or not a non-negative integer. */
export function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  return raw !== null && /^\d+$/.test(raw) ? Number(raw) : fallback;
}

const PAGING_PARAMS = new Set(["Page", "PageSize", "PageToken"]);

/**
 * Twilio's list envelope. Filters are carried into every page uri so the SDK can follow
 * next_page_uri; the PageToken is decorative (paging is by Page), as it is opaque to clients.
 */
export function pageOf<T>(input: {
  items: T[];
  query: URLSearchParams;
  path: string;
  key: string;
  sidOf: (item: T) => string;
}): Record<string, unknown> {
  const { items, query, path, key } = input;
  const pageSize = Math.min(Math.max(intParam(query, "PageSize", 50), 1), 1000);
  const page = intParam(query, "Page", 0);
  const start = page * pageSize;
  const slice = items.slice(start, start + pageSize);
  const filters = [...query].filter(([name]) => !PAGING_PARAMS.has(name));
  const uriFor = (p: number) => `${path}?${new URLSearchParams([...filters, ["PageSize", String(pageSize)], ["Page", String(p)]])}`;
  const last = slice.at(-1);
  const hasMore = start + pageSize < items.length && last !== undefined;
  return {
    [key]: slice,
    end: slice.length ? start + slice.length - 1 : start,
    first_page_uri: uriFor(0),
    next_page_uri: hasMore ? `${uriFor(page + 1)}&PageToken=PA${input.sidOf(last)}` : null,
    page,
    page_size: pageSize,
    previous_page_uri: page > 0 ? uriFor(page - 1) : null,
    start,
    uri: uriFor(page),
  };
}
