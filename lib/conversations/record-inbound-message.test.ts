// A customer's texts are acted on in the order they were stored, so a text stored after another is
// always strictly newer than it, even from an instance whose clock runs behind: equal times would
// leave the order to the ids, which processes don't make in order. Another salon's texts from the
// same number don't count.
import { describe, expect, it } from "vitest";
import { createCustomer, createSalon, uniquePhone } from "@/lib/testing/factories";
import { smsParams, storeWithoutActing } from "@/lib/testing/sms-test-kit";

async function store(salon: { id: string; twilioNumber: string | null }, from: string, body: string, receivedAt: Date) {
  const { message } = await storeWithoutActing(salon.id, smsParams({ from, to: salon.twilioNumber ?? "", body }), receivedAt);
  return message.receivedAt;
}

describe("recordInboundMessage", () => {
  it("dates a text stored after another strictly after it, whatever the storing instance's clock says", async () => {
    const salon = await createSalon({ twilioNumber: uniquePhone() });
    const other = await createSalon({ twilioNumber: uniquePhone() });
    const { phone } = await createCustomer(salon.id);
    const at = new Date("2026-05-04T17:00:00.000Z");

    const first = await store(salon, phone, "STOP", at);
    expect(first).toEqual(at);
    // Same instant, then a clock 10 s behind: each lands 1 ms after the latest stored.
    expect(await store(salon, phone, "ok thanks", at)).toEqual(new Date(at.getTime() + 1));
    expect(await store(salon, phone, "see you", new Date(at.getTime() - 10_000))).toEqual(new Date(at.getTime() + 2));
    // A clock ahead keeps its own time.
    const later = new Date(at.getTime() + 60_000);
    expect(await store(salon, phone, "C", later)).toEqual(later);
    // The same number texting another salon isn't held to this salon's times.
    const earlier = new Date(at.getTime() - 60_000);
    expect(await store(other, phone, "hello", earlier)).toEqual(earlier);
  });
});
