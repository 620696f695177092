// The number's history is the audit log (action "phone_number.*"): what Settings → Phone number lists.
import { db, salonDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type NumberActor = { userId?: string; apiKeyId?: string };

export const NUMBER_ACTIONS = {
  requested: "phone_number.requested",
  provisioned: "phone_number.provisioned",
  failed: "phone_number.provision_failed",
  releaseScheduled: "phone_number.release_scheduled",
  releaseCancelled: "phone_number.release_cancelled",
  released: "phone_number.released",
  webhooksApplied: "phone_number.webhooks_applied",
} as const;

type Client = Prisma.TransactionClient | typeof db;

export function writeNumberAudit(
  client: Client,
  salonId: string,
  action: (typeof NUMBER_ACTIONS)[keyof typeof NUMBER_ACTIONS],
  metadata: Prisma.InputJsonObject,
  actor: NumberActor = {},
) {
  return client.auditLog.create({
    data: {
      salonId,
      action,
      actorUserId: actor.userId ?? null,
      actorApiKeyId: actor.apiKeyId ?? null,
      targetType: "PhoneNumber",
      metadata,
    },
  });
}

export type NumberHistoryEntry = { at: Date; action: string; metadata: Prisma.JsonValue };

/** The salon's newest number events (salon-scoped client: RLS is the second wall). */
export async function listNumberHistory(salonId: string, limit = 20): Promise<NumberHistoryEntry[]> {
  const rows = await salonDb(salonId).auditLog.findMany({
    where: { salonId, action: { startsWith: "phone_number." } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { createdAt: true, action: true, metadata: true },
  });
  return rows.map((r) => ({ at: r.createdAt, action: r.action, metadata: r.metadata }));
}
