// A customer's language, remembered once known: they pressed 9 or spoke Spanish on a call, texted a
// Spanish keyword, or wrote in Spanish. Called from webhooks and jobs (the system client; the salonId
// in the where clause is the scope). Unchanged languages write nothing, so repeats cost no row version.
import { db } from "@/lib/db";
import type { Language } from "@/lib/i18n/language";

/** Stores `language` as the customer's; false when the customer isn't the salon's or already had it. */
export async function rememberLanguage(salonId: string, customerId: string, language: Language): Promise<boolean> {
  const { count } = await db.customer.updateMany({
    where: { id: customerId, salonId, OR: [{ language: null }, { language: { not: language } }] },
    data: { language },
  });
  return count > 0;
}
