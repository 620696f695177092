"use server";
// Settings → Phone & hours: add or replace a date's closure or holiday hours, and remove one (owners).
import { revalidatePath } from "next/cache";
import { salonAction } from "@/lib/api/salon-action";
import { deleteSpecialDay, saveSpecialDay } from "@/lib/salons/special-days-queries";
import { salonClockTime } from "@/lib/time/clock";
import { deleteSpecialDayFormSchema, specialDayFormSchema } from "@/lib/validations/special-days";

const OWNERS = { roles: ["OWNER" as const] };

export const saveSpecialDayAction = salonAction(
  specialDayFormSchema,
  async (input, ctx) => {
    const day = await saveSpecialDay(ctx.salonId, input, salonClockTime(new Date()));
    revalidatePath("/settings/phone");
    return { ok: true, message: day.periods.length ? "Holiday hours saved." : "Closure saved." };
  },
  OWNERS,
);

export const deleteSpecialDayAction = salonAction(
  deleteSpecialDayFormSchema,
  async (input, ctx) => {
    await deleteSpecialDay(ctx.salonId, input.id);
    revalidatePath("/settings/phone");
    return { ok: true, message: "Removed. That day's weekly hours apply again." };
  },
  OWNERS,
);
