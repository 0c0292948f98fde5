import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

// argon2id with OWASP's recommended minimum cost (19 MiB, t=2, p=1).
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

let breached: Set<string> | undefined;
function isCommon(password: string): boolean {
  breached ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  return breached.has(password.toLowerCase());
}

/** ASVS 2.1.1 / 2.1.7: 12–256 characters and not a commonly breached password. */
export const Password = z
  .string()
  .min(12, "must be at least 12 characters")
  .max(256, "must be at most 256 characters")
  .refine((p) => !isCommon(p), "is too common; it appears in lists of breached passwords");

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so both answers take the same time.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("tasklane-dummy-password-for-timing");
  return dummyHash;
}
