// Delivery of EMAIL notifications: SMTP via nodemailer when SMTP_URL is set; otherwise the local
// sink — the message stays in its Notification row (subject + body), marked SENT, shown in the UI.
import nodemailer, { type Transporter } from "nodemailer";
import { redactEmailedLinks } from "@/lib/auth/emailed-tokens";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import {
  claimForSending,
  transitionNotification,
  type DeliveryRow,
} from "@/lib/messaging/delivery/delivery-store";
import type { DeliveryAttempt, DeliveryOutcome } from "@/lib/messaging/delivery/delivery-types";

const log = logger.child({ module: "deliver-email" });

let transport: { url: string; transporter: Transporter } | undefined;

function getTransport(url: string): Transporter {
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

/** SMTP 4xx replies and connection trouble are temporary; 5xx replies are final. */
function isTemporary(err: unknown): boolean {
  const code = (err as { responseCode?: unknown }).responseCode;
  return typeof code !== "number" || code < 500;
}

export async function deliverEmail(row: DeliveryRow, attempt: DeliveryAttempt): Promise<DeliveryOutcome> {
  if (row.status !== "QUEUED") return { result: "skipped", reason: `already ${row.status}` };
  const claimed = await claimForSending([row]);
  if (!claimed.has(row.id)) return { result: "skipped", reason: "claimed by another worker" };
  const done = (to: "SENT" | "QUEUED" | "FAILED", detail: string, set = {}) =>
    transitionNotification({
      id: row.id,
      salonId: row.salonId,
      from: ["SENDING"],
      to,
      set,
      event: { detail },
    });

  const smtpUrl = env.SMTP_URL;
  if (!smtpUrl) {
    await done("SENT", "No SMTP server configured: kept in Bolt's local mail sink.", { sentAt: new Date() });
    return { result: "sent", providerMessageId: row.id, status: "SENT" };
  }
  try {
    const info = await getTransport(smtpUrl).sendMail({
      from: env.EMAIL_FROM,
      to: row.destination,
      subject: row.subject ?? row.salon.name,
      text: row.body,
    });
    // Invitation and reset links stop being readable in the Notifications list once they are on their way.
    const body = redactEmailedLinks(row.body);
    await done("SENT", `Accepted by the SMTP server (${info.messageId}).`, { sentAt: new Date(), body });
    return { result: "sent", providerMessageId: info.messageId, status: "SENT" };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (isTemporary(err) && attempt.retryCount < attempt.retryLimit) {
      await done("QUEUED", `The mail server had a temporary problem (${message}); will try again.`);
      return { result: "retry", reason: message };
    }
    const reason = `The mail server refused the e-mail: ${message}`;
    await done("FAILED", reason, { failureReason: reason, failedAt: new Date() });
    log.warn({ notificationId: row.id, reason }, "e-mail failed");
    return { result: "failed", reason };
  }
}
