"use server";
// "Call your number now" (sandbox only): any signed-in member, always their own salon's number.
import { z } from "zod";
import { salonAction } from "@/lib/api/salon-action";
import { callOwnNumber } from "@/lib/simulator/call-own-number";
import type { HeardLine } from "@/lib/simulator/place-test-call";

export const placeTestCallAction = salonAction(z.object({}), async (_input, ctx) => {
  const call = await callOwnNumber(ctx.salonId);
  return { ok: true, data: { lines: call.lines satisfies HeardLine[] } };
});
