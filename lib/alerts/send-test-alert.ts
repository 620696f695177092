// "Send me a test alert": one alert to the signed-in member on every channel they can get one on now
// (a text if they gave a number, an email, a push to each browser with push on), ignoring their quiet
// hours and event choices — it is how they check a channel works.
import { randomUUID } from "node:crypto";
import { notFound } from "@/lib/api/errors";
import { alertMember, alertRecipients } from "@/lib/alerts/dispatch";
import type { Member } from "@/lib/alerts/preferences";

export type TestAlertResult = { channels: Array<"text" | "email" | "browser"> };

export async function sendTestAlert({ salonId, userId }: Member): Promise<TestAlertResult> {
  const [member] = await alertRecipients(salonId, { userId });
  if (!member) throw notFound("Membership");
  const channels = { sms: member.choices.phone !== null, email: true, push: member.pushBrowsers > 0 };
  await alertMember(salonId, member, channels, {
    title: "Test alert from Bolt",
    body: "This is how Bolt will tell you about texts, voicemails and calls.",
    url: "/settings/alerts",
    key: `alert:test:${randomUUID()}:${member.membershipId}`,
    heldUntil: null,
  });
  return {
    channels: [...(channels.sms ? (["text"] as const) : []), "email" as const, ...(channels.push ? (["browser"] as const) : [])],
  };
}
