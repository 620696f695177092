// The salon's own names the receptionist listens for: its active services and active stylists. Read
// fresh on every call or text (two small indexed queries), so an edit in Settings is heard on the next one.
// The system client: webhooks and jobs run outside a signed-in salon (README "Database roles").
import { db } from "@/lib/db";
import type { Catalog } from "./understanding";

export async function loadCatalog(salonId: string): Promise<Catalog> {
  const [services, stylists] = await Promise.all([
    db.service.findMany({
      where: { salonId, active: true },
      select: { id: true, name: true, category: true },
      orderBy: { name: "asc" },
    }),
    db.employee.findMany({
      where: { salonId, active: true },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { services, stylists };
}
