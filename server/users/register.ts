import { users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { withTransaction } from "../transaction";
import { ConflictError, ForbiddenError, isUniqueViolation } from "../errors";
import { hashPassword } from "../auth/password";
import { settings } from "@/config/settings";
import { queueVerificationEmail } from "../account";
import { wakeEmailWorker } from "../email/jobs";
import { RegisterInput, toUser, type User } from "./schemas";

export async function registerUser(args: { ctx: ServiceContext; input: RegisterInput }): Promise<User> {
  if (!settings().ALLOW_SIGNUP) throw new ForbiddenError("Sign-up is disabled on this server");
  const input = RegisterInput.parse(args.input);
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await withTransaction(args.ctx, async (tx) => {
      const [row] = await tx.insert(users).values({ name: input.name, email: input.email, passwordHash }).returning();
      // The verification email is queued with the account: sign-up never waits on (or fails with) the provider.
      await queueVerificationEmail(tx, { userId: row!.id, email: row!.email, now: args.ctx.now });
      return toUser(row!);
    });
    wakeEmailWorker();
    return user;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError("An account with this email already exists");
    throw error;
  }
}
