"use server";
// The Services page's saves (owners only, via salonAction): add or edit a service, remove one (deleted
// if never booked, else deactivated). The receptionist reads the table afresh on each call.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { salonAction } from "@/lib/api/salon-action";
import { createService, removeService, updateService } from "@/lib/services/mutations";
import { resourceIdSchema } from "@/lib/validations/params";
import { serviceFormSchema } from "@/lib/validations/services";

const OWNERS = { roles: ["OWNER" as const] };

export const saveServiceAction = salonAction(
  serviceFormSchema,
  async ({ id, ...input }, ctx) => {
    const saved = id ? await updateService(ctx.salonId, id, input) : await createService(ctx.salonId, input);
    revalidatePath("/services");
    return { ok: true, message: id ? `${saved.name} saved.` : `${saved.name} added.`, data: { id: saved.id } };
  },
  OWNERS,
);

export const removeServiceAction = salonAction(
  z.object({ id: resourceIdSchema }),
  async ({ id }, ctx) => {
    const { outcome } = await removeService(ctx.salonId, id);
    // No revalidatePath: it would re-render the page being left (a deleted record's: a 404); the client
    // goes to the list, which is read afresh.
    return {
      ok: true,
      message: outcome === "deleted" ? "Service removed." : "It has appointments on the books, so it was deactivated instead.",
    };
  },
  OWNERS,
);
