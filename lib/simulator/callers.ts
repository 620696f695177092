// Who the simulator's phone can be: a customer found by name (or number), or, before anything is typed,
// customers with a booked appointment coming up (the ones a "C" to confirm or an "R" to move makes sense for).
import { salonDb } from "@/lib/db";
import { listCustomers } from "@/lib/customers/list-customers";

export type SimulatorCaller = { customerId: string; name: string | null; phone: string; nextAppointmentAt: string | null };

const SHOWN = 8;

export async function findSimulatorCallers(salonId: string, q: string, now: Date): Promise<SimulatorCaller[]> {
  if (q.trim()) {
    const page = await listCustomers(salonId, { q, limit: SHOWN, now });
    return page.data.map((c) => ({ customerId: c.id, name: c.name, phone: c.phone, nextAppointmentAt: c.nextAppointmentAt?.toISOString() ?? null }));
  }
  const upcoming = await salonDb(salonId).appointment.findMany({
    where: { salonId, status: "BOOKED", startsAt: { gt: now }, customer: { optedOutAt: null, mergedIntoId: null } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: SHOWN * 3,
    select: { startsAt: true, customer: { select: { id: true, name: true, phone: true } } },
  });
  const seen = new Set<string>();
  const callers: SimulatorCaller[] = [];
  for (const a of upcoming) {
    if (!a.customer || seen.has(a.customer.id) || callers.length >= SHOWN) continue;
    seen.add(a.customer.id);
    callers.push({ customerId: a.customer.id, name: a.customer.name, phone: a.customer.phone, nextAppointmentAt: a.startsAt.toISOString() });
  }
  return callers;
}
