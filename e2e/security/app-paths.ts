// Every page and API route the app has, read from app/ itself (page.tsx and route.ts files), so a new
// one can't be left out of the header checks. Dynamic segments are filled in by the caller.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const appDir = path.resolve(import.meta.dirname, "..", "..", "app");

export type AppEntry = {
  kind: "page" | "route";
  /** The URL pattern with its dynamic segments: "/calls/[callId]". */
  pattern: string;
  /** HTTP methods a route exports (GET for pages). */
  methods: string[];
};

const METHOD_EXPORT = /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g;
// Auth.js's route re-exports its handlers: `export const { GET, POST } = handlers`.
const DESTRUCTURED_EXPORT = /export\s+const\s*\{([^}]*)\}/g;

function exportedMethods(source: string): string[] {
  const methods = new Set<string>();
  for (const [, method = ""] of source.matchAll(METHOD_EXPORT)) methods.add(method);
  for (const [, names = ""] of source.matchAll(DESTRUCTURED_EXPORT))
    for (const name of names.split(",").map((n) => n.trim()))
      if (/^(GET|POST|PUT|PATCH|DELETE)$/.test(name)) methods.add(name);
  return [...methods].sort();
}

/** "(admin)/calls/[callId]/page.tsx" → "/calls/[callId]": route groups leave no trace in the URL. */
function patternOf(file: string): string {
  const segments = path.dirname(file).split(path.sep).filter((s) => s !== "." && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

export function listAppEntries(): AppEntry[] {
  const files = readdirSync(appDir, { recursive: true, encoding: "utf8" });
  const entries: AppEntry[] = [];
  for (const file of files.sort()) {
    const base = path.basename(file);
    if (base === "page.tsx") entries.push({ kind: "page", pattern: patternOf(file), methods: ["GET"] });
    if (base === "route.ts") {
      const methods = exportedMethods(readFileSync(path.join(appDir, file), "utf8"));
      entries.push({ kind: "route", pattern: patternOf(file), methods });
    }
  }
  return entries;
}

/** Fills "[name]" and "[...name]" segments from `values`, or with `fallback` (a garbage id). */
export function fillPattern(pattern: string, values: Record<string, string | undefined>, fallback: string): string {
  return pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => encodeURIComponent(values[name] ?? fallback));
}
