// What code under test logged, as parsed pino lines: to check that a failure was logged (and at which
// level), or that nothing was.
import pino from "pino";
import { vi } from "vitest";
import { logger, type Logger } from "@/lib/logger";

export type LogLine = Record<string, unknown>;

/** A logger to hand to the code under test, keeping each line at `level` or above. */
export function captureLog(level: pino.Level = "info"): { log: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const log = pino({ level }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}

/**
 * The lines written from here on through the app logger's child loggers (a webhook's per-request
 * logger), with the child's bindings; `vi.restoreAllMocks()` ends the capture.
 */
export function captureChildLogs(): LogLine[] {
  const { log, lines } = captureLog();
  vi.spyOn(logger, "child").mockImplementation((bindings) => log.child(bindings));
  return lines;
}
