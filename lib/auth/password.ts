// Password hashing: argon2id (the @node-rs/argon2 default) with the OWASP-recommended minimum cost.
import { hash, verify } from "@node-rs/argon2";
import { logger } from "@/lib/logger";

// m=19 MiB, t=2, p=1 (OWASP Password Storage Cheat Sheet); parameters live in the PHC string, so they can rise later.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False for a wrong password and for a malformed stored hash (never throws on bad input). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch (err) {
    // A corrupt or foreign hash format can only mean "does not match", but someone should know about it.
    logger.warn({ err }, "stored password hash could not be verified");
    return false;
  }
}

/** A real hash of a random string, so a login for an unknown email costs the same time as a wrong password. */
let dummyHash: Promise<string> | undefined;
export function getDummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  return dummyHash;
}
