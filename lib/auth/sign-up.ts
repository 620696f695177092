// Self-serve sign-up: a new salon, its owner and the owner's membership, created together.
import { conflict } from "@/lib/api/errors";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_BUSINESS_HOURS } from "@/lib/salons/business-hours";
import type { SignUpInput } from "@/lib/validations/auth";

const emailTaken = () =>
  conflict("email_taken", "An account with this email already exists. Sign in instead.");

/** "Luxe Hair & Co." → "luxe-hair-co"; never empty. */
export function slugifySalonName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return slug || "salon";
}

/** The base slug, or base-2, base-3 … whichever is free first. */
async function findFreeSlug(base: string): Promise<string> {
  const taken = new Set(
    (await db.salon.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map(
      (s) => s.slug,
    ),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const isUniqueViolation = (err: unknown) =>
  err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";

/** Creates salon + owner + OWNER membership in one transaction. Duplicate email → 409 "email_taken". */
export async function signUpSalon(
  input: SignUpInput,
): Promise<{ salonId: string; userId: string; slug: string }> {
  const email = input.email.trim().toLowerCase();
  // System client: there is no salon yet, and users have no salon scope.
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw emailTaken();
  const passwordHash = await hashPassword(input.password);

  // Two attempts: a concurrent sign-up may take the same slug between findFreeSlug and the insert.
  for (let attempt = 0; ; attempt++) {
    const base = slugifySalonName(input.salonName);
    const slug = attempt === 0 ? await findFreeSlug(base) : `${base}-${crypto.randomUUID().slice(0, 6)}`;
    try {
      return await db.$transaction(async (tx) => {
        const salon = await tx.salon.create({
          // Default hours, so callers hear real ones from the first call (businessHoursSetAt stays null
          // until the owner confirms them: the onboarding checklist asks).
          data: { name: input.salonName, slug, timeZone: input.timeZone, businessHours: DEFAULT_BUSINESS_HOURS },
          select: { id: true },
        });
        const user = await tx.user.create({
          data: { email, name: input.ownerName, passwordHash },
          select: { id: true },
        });
        await tx.membership.create({ data: { salonId: salon.id, userId: user.id, role: "OWNER" } });
        return { salonId: salon.id, userId: user.id, slug };
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw emailTaken();
      if (attempt >= 1) throw err;
    }
  }
}
