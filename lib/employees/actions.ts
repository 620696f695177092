"use server";
// The Staff page's saves (owners only, via salonAction): add or edit a stylist, remove one (deleted if
// never booked, else deactivated), and add or remove their time off.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { salonAction } from "@/lib/api/salon-action";
import { addTimeOff, createEmployee, removeEmployee, removeTimeOff, updateEmployee } from "@/lib/employees/mutations";
import { wholeDaysInZone } from "@/lib/employees/time-off-days";
import { salonTimeZoneOf } from "@/lib/salons/salon-time-zone";
import { employeeFormSchema, removeTimeOffSchema, timeOffFormSchema } from "@/lib/validations/employees";
import { resourceIdSchema } from "@/lib/validations/params";

const OWNERS = { roles: ["OWNER" as const] };

export const saveEmployeeAction = salonAction(
  employeeFormSchema,
  async ({ id, ...input }, ctx) => {
    const saved = id ? await updateEmployee(ctx.salonId, id, input) : await createEmployee(ctx.salonId, input);
    revalidatePath("/staff");
    return { ok: true, message: id ? `${saved.name} saved.` : `${saved.name} added.`, data: { id: saved.id } };
  },
  OWNERS,
);

export const removeEmployeeAction = salonAction(
  z.object({ id: resourceIdSchema }),
  async ({ id }, ctx) => {
    const { outcome } = await removeEmployee(ctx.salonId, id);
    // No revalidatePath: it would re-render the page being left (a deleted record's: a 404); the client
    // goes to the list, which is read afresh.
    return {
      ok: true,
      message: outcome === "deleted" ? "Removed." : "They have appointments on the books, so they were deactivated instead.",
    };
  },
  OWNERS,
);

export const addTimeOffAction = salonAction(
  timeOffFormSchema,
  async ({ employeeId, from, to, note }, ctx) => {
    const span = wholeDaysInZone(from, to, await salonTimeZoneOf(ctx.salonId));
    await addTimeOff(ctx.salonId, employeeId, { ...span, note: note || null });
    revalidatePath(`/staff/${employeeId}`);
    return { ok: true, message: "Time off added." };
  },
  OWNERS,
);

export const removeTimeOffAction = salonAction(
  removeTimeOffSchema,
  async ({ employeeId, id }, ctx) => {
    await removeTimeOff(ctx.salonId, employeeId, id);
    revalidatePath(`/staff/${employeeId}`);
    return { ok: true, message: "Time off removed." };
  },
  OWNERS,
);
