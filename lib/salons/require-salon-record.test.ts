// The detail pages' 404 before anything streams (lib/salons/require-salon-record.ts): one lookup per kind,
// under the salon's row-level security.
import { describe, expect, it } from "vitest";
import { salonRecordExists } from "@/lib/salons/require-salon-record";
import { createCallLog, createCustomer, createEmployee, createNotification, createSalon, createService } from "@/lib/testing/factories";

describe("salonRecordExists (the detail pages' 404 before streaming)", () => {
  it("finds a call, conversation, customer, notification, stylist or service of the salon only", async () => {
    const [mine, theirs] = [(await createSalon()).id, (await createSalon()).id];
    const call = await createCallLog(mine);
    const customer = await createCustomer(mine);
    const text = await createNotification(mine);
    const employee = await createEmployee(mine);
    const service = await createService(mine);
    const records = [
      ["call", call.id],
      ["conversation", customer.id],
      ["customer", customer.id],
      ["notification", text.id],
      ["employee", employee.id],
      ["service", service.id],
    ] as const;
    for (const [kind, id] of records) {
      expect(await salonRecordExists(mine, kind, id), kind).toBe(true);
      expect(await salonRecordExists(theirs, kind, id), kind).toBe(false);
      expect(await salonRecordExists(mine, kind, `${id}\u0000`), kind).toBe(false);
    }
  });
});
