// The stand-in logs through the app logger, loaded on first use: `npm start` starts the sandbox
// before it exports TWILIO_*, and loading lib/logger earlier would parse (and cache) the
// environment without them.
import type { Logger } from "@/lib/logger";

export type StandInLog = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

let appLogger: Promise<Logger> | undefined;

function write(level: keyof StandInLog, obj: object, msg: string): void {
  appLogger ??= import("@/lib/logger").then(({ logger }) => logger.child({ component: "twilio-standin" }));
  appLogger.then(
    (log) => log[level](obj, msg),
    // No usable app logger (e.g. an invalid environment): still say what happened.
    (err: unknown) => console.error(`[twilio-standin] ${msg}`, obj, err),
  );
}

export const defaultStandInLog: StandInLog = {
  info: (obj, msg) => write("info", obj, msg),
  warn: (obj, msg) => write("warn", obj, msg),
  error: (obj, msg) => write("error", obj, msg),
};
