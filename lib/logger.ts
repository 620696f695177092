// Structured JSON logs (pino). Child loggers carry requestId, salonId and route.
import pino from "pino";
import { getLogSettings } from "@/lib/env";

const settings = getLogSettings();

export const logger = pino({
  // Tests are quiet unless LOG_LEVEL asks otherwise.
  level: settings.LOG_LEVEL ?? (settings.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "bolt" },
  redact: ["req.headers.authorization", "req.headers.cookie", "password", "*.password", "authToken"],
});

export type Logger = typeof logger;
