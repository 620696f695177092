// Owner-only server actions through salonAction: a staff member's save of Settings → Phone & hours is
// refused with the owner-only message before anything is parsed or written. The action runs as the app
// runs it; only the request it reads (Next's headers(), a request-scoped API) is supplied here, with a
// real session cookie that is decoded and checked against the real memberships.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { updatePhoneSettingsAction } from "@/lib/salons/actions";
import { OWNER_ONLY_MESSAGE } from "@/lib/api/salon-action";
import { db } from "@/lib/db";
import { addMember, createSalonWithOwner, sessionCookieFor } from "@/lib/testing/auth-fixtures";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));

async function signInAs(role: "OWNER" | "STAFF", salonId: string) {
  const { userId } = await addMember(salonId, role);
  request.headers = new Headers({ cookie: await sessionCookieFor(userId, salonId) });
}

function phoneSettingsForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  const all = { greeting: "", autoReply: "", bookingInstructions: "", forwardingPhone: "", ...fields };
  for (const [name, value] of Object.entries(all)) form.set(name, value);
  return form;
}

const salonSettings = (id: string) =>
  db.salon.findUniqueOrThrow({
    where: { id },
    select: { greeting: true, forwardingPhone: true, businessHours: true, updatedAt: true },
  });

beforeEach(() => {
  request.headers = new Headers();
});

describe("updatePhoneSettingsAction", () => {
  it("refuses staff with the owner-only message and writes nothing", async () => {
    const { salonId } = await createSalonWithOwner();
    const before = await salonSettings(salonId);
    await signInAs("STAFF", salonId);

    const result = await updatePhoneSettingsAction(
      null,
      phoneSettingsForm({
        greeting: "Staff were here",
        forwardingPhone: "(415) 555-0142",
        "hours.mon.open": "on",
        "hours.mon.0.open": "09:00",
        "hours.mon.0.close": "17:00",
      }),
    );
    expect(result).toEqual({ ok: false, error: OWNER_ONLY_MESSAGE });
    expect(await salonSettings(salonId)).toEqual(before);
  });

  it("checks the role before the fields: staff never see field errors", async () => {
    const { salonId } = await createSalonWithOwner();
    const invalid = phoneSettingsForm({ forwardingPhone: "555" });

    await signInAs("STAFF", salonId);
    expect(await updatePhoneSettingsAction(null, invalid)).toEqual({ ok: false, error: OWNER_ONLY_MESSAGE });

    // The same form from an owner of the same salon gets past the role check to the field errors.
    await signInAs("OWNER", salonId);
    expect(await updatePhoneSettingsAction(null, invalid)).toMatchObject({
      ok: false,
      fieldErrors: { forwardingPhone: [expect.any(String)] },
    });
  });

  // (FormData holds USV strings: an unpaired surrogate is already U+FFFD when it gets here.)
  it("refuses a NUL in a field as a field error, and writes nothing", async () => {
    const { salonId } = await createSalonWithOwner();
    const before = await salonSettings(salonId);
    await signInAs("OWNER", salonId);
    expect(await updatePhoneSettingsAction(null, phoneSettingsForm({ greeting: "Hello\u0000" }))).toMatchObject({
      ok: false,
      fieldErrors: { greeting: [expect.stringMatching(/NUL byte or an unpaired surrogate/)] },
    });
    expect(await salonSettings(salonId)).toEqual(before);
  });
});
