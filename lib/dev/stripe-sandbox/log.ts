// The stand-in logs through the app logger (component "stripe-standin"). lib/logger reads only
// NODE_ENV and LOG_LEVEL (getLogSettings, not cached), so importing it before `npm start` sets
// STRIPE_* is safe.
import { logger } from "@/lib/logger";

export type StandInLog = Pick<typeof logger, "info" | "warn" | "error">;

export const defaultStandInLog: StandInLog = logger.child({ component: "stripe-standin" });
