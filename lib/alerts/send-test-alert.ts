// "Send me a test alert": one alert to the signed-in member on every channel they can get one on now
// (a text if they gave a number, an email, a push to each browser with push on), ignoring their quiet
// hours and event choices — it is how they check a channel works.
import { notFound } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { alertMember, alertRecipients } from "@/lib/alerts/dispatch";
import type { Member } from "@/lib/alerts/preferences";

export type TestAlertResult = { channels: Array<"text" | "email" | "browser"> };

export async function sendTestAlert({ salonId, userId }: Member, now: Date): Promise<TestAlertResult> {
  const [member] = await alertRecipients(salonId, { userId });
  if (!member) throw notFound("Membership");
  // A text needs the salon's own number to come from (none yet while the salon is being set up).
  const salon = await db.salon.findUniqueOrThrow({ where: { id: salonId }, select: { twilioNumber: true } });
  const channels = { sms: member.choices.phone !== null && salon.twilioNumber !== null, email: true, push: member.pushBrowsers > 0 };
  await alertMember(salonId, member, channels, {
    title: "Test alert from Bolt",
    body: "This is how Bolt will tell you about texts, voicemails and calls.",
    url: "/settings/alerts",
    // One test a minute: a double click (or a minute of clicking) sends one text, not one per click.
    key: `alert:test:${member.membershipId}:${Math.floor(now.getTime() / 60_000)}`,
    heldUntil: null,
    now,
  });
  return {
    channels: [...(channels.sms ? (["text"] as const) : []), "email" as const, ...(channels.push ? (["browser"] as const) : [])],
  };
}
