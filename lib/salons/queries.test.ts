// Salon profile, scoped to one salon (the dashboard's numbers: lib/dashboard/get-dashboard-charts.test.ts).
import { describe, expect, it } from "vitest";
import { getSalonById, updateSalonProfile } from "@/lib/salons/queries";
import { findSalonByNumber } from "@/lib/telephony/find-salon-by-number";
import { createSalonWithOwner } from "@/lib/testing/auth-fixtures";
import { createSalon, uniquePhone } from "@/lib/testing/factories";

describe("salon queries", () => {
  it("updates only the caller's salon profile", async () => {
    const [a, b] = await Promise.all([
      createSalonWithOwner(),
      createSalonWithOwner({ salonName: "Untouched" }),
    ]);
    const updated = await updateSalonProfile(a.salonId, {
      city: "Boston",
      phone: "+16175550100",
      addressLine1: null,
    });
    expect(updated).toMatchObject({
      id: a.salonId,
      city: "Boston",
      phone: "+16175550100",
      addressLine1: null,
    });
    expect((await getSalonById(b.salonId)).name).toBe("Untouched");
    await expect(updateSalonProfile("missing-salon", { city: "X" })).rejects.toMatchObject({ status: 404 });
  });

  it("the next webhook lookup sees a changed name, time zone and address", async () => {
    const number = uniquePhone();
    const salon = await createSalon({ twilioNumber: number, name: "Old Name", timeZone: "America/New_York" });
    expect((await findSalonByNumber(number))?.name).toBe("Old Name"); // now cached
    await updateSalonProfile(salon.id, { name: "New Name", timeZone: "America/Chicago", city: "Chicago" });
    expect(await findSalonByNumber(number)).toMatchObject({ name: "New Name", timeZone: "America/Chicago", city: "Chicago" });
  });
});
