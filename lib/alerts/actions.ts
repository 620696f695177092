"use server";
// Settings → Alerts: every member (owners and staff) saves their own choices and tries them.
import { z } from "zod";
import { salonAction } from "@/lib/api/salon-action";
import { saveAlertPreferences } from "@/lib/alerts/preferences";
import { sendTestAlert } from "@/lib/alerts/send-test-alert";
import { saveAlertPreferencesSchema } from "@/lib/validations/alerts";

export const saveAlertPreferencesAction = salonAction(saveAlertPreferencesSchema, async (input, { salonId, userId }) => {
  await saveAlertPreferences({ salonId, userId }, input);
  return { ok: true, message: "Alert settings saved." };
});

const WORDS = { text: "a text", email: "an email", browser: "a browser alert" } as const;

export const sendTestAlertAction = salonAction(z.object({}), async (_input, { salonId, userId }) => {
  const { channels } = await sendTestAlert({ salonId, userId }, new Date());
  const list = channels.map((c) => WORDS[c]);
  const said = list.length > 1 ? `${list.slice(0, -1).join(", ")} and ${list.at(-1)}` : list[0];
  return { ok: true, message: `Test alert on its way: ${said}.` };
});
