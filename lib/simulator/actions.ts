"use server";
// The phone simulator (sandbox only): any signed-in member, always their own salon's number. Each
// action is refused with `sandbox_only` when real Twilio credentials are configured (salon-line.ts).
import { z } from "zod";
import { salonAction } from "@/lib/api/salon-action";
import {
  continueSimulatedCallSchema,
  simulatorCallersSchema,
  simulatorTextSchema,
  simulatorThreadSchema,
  startSimulatedCallSchema,
} from "@/lib/validations/simulator";
import type { CallStep } from "@/lib/simulator/call-types";
import { findSimulatorCallers, type SimulatorCaller } from "@/lib/simulator/callers";
import { callOwnNumber } from "@/lib/simulator/call-own-number";
import type { HeardLine } from "@/lib/simulator/place-test-call";
import { assertSandbox } from "@/lib/simulator/salon-line";
import { continueSimulatedCall, startSimulatedCall } from "@/lib/simulator/simulated-call";
import { readPhoneThread, textSalonFromPhone, type ThreadText } from "@/lib/simulator/text-thread";

export const placeTestCallAction = salonAction(z.object({}), async (_input, ctx) => {
  const call = await callOwnNumber(ctx.salonId);
  return { ok: true, data: { lines: call.lines satisfies HeardLine[] } };
});

export const startSimulatedCallAction = salonAction(startSimulatedCallSchema, async ({ from }, ctx) => ({
  ok: true,
  data: (await startSimulatedCall(ctx.salonId, from)) satisfies CallStep,
}));

export const continueSimulatedCallAction = salonAction(continueSimulatedCallSchema, async ({ state, action }, ctx) => ({
  ok: true,
  data: (await continueSimulatedCall(ctx.salonId, state, action)) satisfies CallStep,
}));

export const textSalonAction = salonAction(simulatorTextSchema, async ({ from, body }, ctx) => {
  await textSalonFromPhone(ctx.salonId, from, body);
  return { ok: true, data: { thread: (await readPhoneThread(ctx.salonId, from)) satisfies ThreadText[] } };
});

export const readThreadAction = salonAction(simulatorThreadSchema, async ({ phone }, ctx) => ({
  ok: true,
  data: { thread: (await readPhoneThread(ctx.salonId, phone)) satisfies ThreadText[] },
}));

export const findCallersAction = salonAction(simulatorCallersSchema, async ({ q }, ctx) => {
  assertSandbox();
  return { ok: true, data: { callers: (await findSimulatorCallers(ctx.salonId, q, new Date())) satisfies SimulatorCaller[] } };
});
