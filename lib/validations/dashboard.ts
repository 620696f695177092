// The dashboard's URL state: which period its charts cover (?range=), so a view can be shared or bookmarked.
import { z } from "zod";

export const DASHBOARD_RANGES = ["today", "7d", "30d"] as const;
export type DashboardRange = (typeof DASHBOARD_RANGES)[number];

/** An unknown or missing range reads as the last 7 days (the dashboard's default), never as an error page. */
export const dashboardQuerySchema = z.object({
  range: z.enum(DASHBOARD_RANGES).catch("7d"),
});
