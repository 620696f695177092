// Sign-up: salon + owner + membership in one go; one account per email.
import { afterAll, describe, expect, it } from "vitest";
import { POST as signUpRoute } from "@/app/api/auth/signup/route";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { verifyPassword } from "@/lib/auth/password";
import { signUpSalon, slugifySalonName } from "@/lib/auth/sign-up";
import { DEFAULT_BUSINESS_HOURS } from "@/lib/salons/business-hours";
import { db } from "@/lib/db";
import { apiRequest } from "@/lib/testing/auth-fixtures";

afterAll(closeRateLimitStore);

const input = (email: string, salonName = "Luxe Hair & Co.") => ({
  salonName,
  ownerName: "Maya Chen",
  email,
  password: "a long enough password",
  timeZone: "America/Chicago",
});

describe("signUpSalon", () => {
  it("creates the salon, the owner and an OWNER membership", async () => {
    const { salonId, userId, slug } = await signUpSalon(input("maya@example.test"));
    expect(slug).toBe("luxe-hair-co");
    const salon = await db.salon.findUniqueOrThrow({ where: { id: salonId } });
    expect(salon).toMatchObject({ name: "Luxe Hair & Co.", timeZone: "America/Chicago", businessHoursSetAt: null });
    // Sensible default hours (Tue–Sat 9–6), never an all-closed week.
    expect(salon.businessHours).toEqual(DEFAULT_BUSINESS_HOURS);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.email).toBe("maya@example.test");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, "a long enough password")).toBe(true);
    const membership = await db.membership.findUniqueOrThrow({
      where: { salonId_userId: { salonId, userId } },
    });
    expect(membership.role).toBe("OWNER");
  });

  it("gives salons with the same name distinct slugs", async () => {
    const first = await signUpSalon(input("one@example.test", "Same Name"));
    const second = await signUpSalon(input("two@example.test", "Same Name"));
    expect(first.slug).toBe("same-name");
    expect(second.slug).toBe("same-name-2");
  });

  it("rejects a duplicate email (any case) with 409 email_taken and creates nothing", async () => {
    await signUpSalon(input("dup@example.test", "Dup One"));
    const before = await db.salon.count();
    await expect(signUpSalon(input("DUP@example.test", "Dup Two"))).rejects.toMatchObject({
      status: 409,
      code: "email_taken",
    });
    expect(await db.salon.count()).toBe(before);
  });

  it("slugifies awkward names", () => {
    expect(slugifySalonName("  Café Crème!! ")).toBe("cafe-creme");
    expect(slugifySalonName("***")).toBe("salon");
  });
});

describe("POST /api/auth/signup", () => {
  it("answers 201, then 409 for the same email", async () => {
    const body = { ...input("Route@Example.test", "Route Salon") };
    const first = await signUpRoute(apiRequest("/api/auth/signup", { json: body }));
    expect(first.status).toBe(201);
    expect(await db.user.count({ where: { email: "route@example.test" } })).toBe(1);
    const second = await signUpRoute(apiRequest("/api/auth/signup", { json: body }));
    expect(second.status).toBe(409);
    expect((await second.json()).code).toBe("email_taken");
  });

  it("answers 422 for weak passwords, bad time zones and unknown fields", async () => {
    const res = await signUpRoute(
      apiRequest("/api/auth/signup", {
        json: { ...input("x@example.test"), password: "short", timeZone: "Nowhere/Land", role: "OWNER" },
      }),
    );
    expect(res.status).toBe(422);
    expect(Object.keys((await res.json()).fields).sort()).toEqual(["password", "role", "timeZone"]);
  });
});
