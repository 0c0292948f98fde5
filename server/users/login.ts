import { sql } from "drizzle-orm";
import { authTokens, users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor, withTransaction } from "../transaction";
import { noteSignIn } from "../audit";
import { RateLimitedError, ServiceError, UnauthenticatedError } from "../errors";
import { acceptSecondFactor, ACCOUNT_PROBLEMS } from "../account";
import { dummyPasswordHash, verifyPassword } from "../auth/password";
import { newToken } from "../auth/tokens";
import { limiter } from "../rate-limit";
import { settings } from "@/config/settings";
import { UNKNOWN_IP } from "@/config/trusted-proxies";
import { LoginInput, toUser, type LoginResult } from "./schemas";

const WINDOW_SECONDS = 15 * 60;

function throttles() {
  const s = settings();
  return {
    account: limiter("login-account", s.LOGIN_FAILURES_PER_ACCOUNT, WINDOW_SECONDS),
    ip: limiter("login-ip", s.LOGIN_FAILURES_PER_IP, WINDOW_SECONDS),
  };
}

async function refuseIfThrottled(email: string, ip: string): Promise<void> {
  const { account, ip: perIp } = throttles();
  const [a, i] = await Promise.all([account.get(email), ip === UNKNOWN_IP ? null : perIp.get(ip)]);
  for (const [state, l] of [
    [a, account],
    [i, perIp],
  ] as const) {
    if (state && state.consumedPoints >= l.points) {
      throw new RateLimitedError(Math.max(1, Math.ceil(state.msBeforeNext / 1000)), "Too many failed sign-in attempts; try again later");
    }
  }
}

async function recordFailure(email: string, ip: string): Promise<void> {
  const { account, ip: perIp } = throttles();
  // An unknown address is not a bucket (see clientIp): the account throttle still applies.
  await Promise.all([account.penalty(email, 1), ip === UNKNOWN_IP ? null : perIp.penalty(ip, 1)]);
}

/** Checks credentials and opens a session; unknown email and wrong password get the same answer. */
export async function login(args: { ctx: ServiceContext; input: LoginInput }): Promise<LoginResult & { tokenId: string }> {
  const input = LoginInput.parse(args.input);
  const ip = args.ctx.ip ?? UNKNOWN_IP;
  await refuseIfThrottled(input.email, ip);
  const db = await dbFor(args.ctx);
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${input.email}`)
    .limit(1);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok) {
    await recordFailure(input.email, ip);
    throw new UnauthenticatedError("Invalid email or password");
  }
  if (user.totpEnabledAt && user.totpSecret) {
    if (!input.otp && !input.recoveryCode) {
      throw new ServiceError("UNAUTHENTICATED", "Two-factor authentication is on: send `otp` (or `recoveryCode`) with the password", {
        type: ACCOUNT_PROBLEMS.twoFactorRequired,
      });
    }
    const passed = await acceptSecondFactor(db, args.ctx, {
      userId: user.id,
      stored: user.totpSecret,
      otp: input.otp?.replace(/\s+/g, ""),
      recoveryCode: input.recoveryCode,
    });
    if (!passed) {
      await recordFailure(input.email, ip);
      throw new ServiceError("UNAUTHENTICATED", "The two-factor code is not valid", { type: ACCOUNT_PROBLEMS.twoFactorInvalid });
    }
  }
  await throttles().account.delete(input.email);
  const { token, hash } = newToken("session");
  const expiresAt = new Date(args.ctx.now.getTime() + settings().SESSION_TTL_DAYS * 86_400_000);
  const row = await withTransaction(args.ctx, async (tx) => {
    const [session] = await tx
      .insert(authTokens)
      .values({ userId: user.id, kind: "session", tokenHash: hash, expiresAt })
      .returning({ id: authTokens.id });
    await noteSignIn(tx, args.ctx, user.id);
    return session;
  });
  return { token, tokenId: row!.id, expiresAt: expiresAt.toISOString(), user: toUser(user) };
}
