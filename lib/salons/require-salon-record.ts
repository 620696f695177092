// A detail page's record checked before anything streams. The list pages' loading.tsx skeletons and the
// detail pages' own start a streamed 200 response, after which notFound() can only render the friendly
// page; a detail segment's layout runs before its loading boundary, so checking there makes an unknown
// or another salon's id an HTTP 404.
import { notFound } from "next/navigation";
import { isSafeText } from "@/lib/api/text-input";
import { requireSessionContext } from "@/lib/auth/session";
import { salonDb } from "@/lib/db";

type SalonRecordKind = "call" | "conversation" | "customer" | "notification" | "employee" | "service";

/** Whether the salon has this record: one primary-key lookup, under the salon's row-level security. */
export async function salonRecordExists(salonId: string, kind: SalonRecordKind, id: string): Promise<boolean> {
  // An id the database can't hold (a NUL byte) names nothing.
  if (!isSafeText(id)) return false;
  const scoped = salonDb(salonId);
  const where = { id, salonId };
  switch (kind) {
    case "call":
      return (await scoped.callLog.count({ where })) > 0;
    case "conversation":
    case "customer": // a merged customer's page still answers: it goes on to the customer it became
      return (await scoped.customer.count({ where })) > 0;
    case "notification":
      return (await scoped.notification.count({ where })) > 0;
    case "employee":
      return (await scoped.employee.count({ where })) > 0;
    case "service":
      return (await scoped.service.count({ where })) > 0;
  }
}

/** For a detail segment's layout: the signed-in salon's record, or the admin 404. */
export async function requireSalonRecord(kind: SalonRecordKind, id: string): Promise<void> {
  const session = await requireSessionContext();
  if (!(await salonRecordExists(session.salonId, kind, id))) notFound();
}
