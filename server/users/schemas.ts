import { z } from "zod";
import { Password } from "../auth/password";

const Email = z.string().trim().toLowerCase().email("must be an email address").max(254);
const Name = z.string().trim().min(1, "is required").max(100);

export const User = z.object({ id: z.uuid(), email: z.string(), name: z.string(), createdAt: z.iso.datetime() }).meta({ id: "User" });
export type User = z.infer<typeof User>;

export const RegisterInput = z.object({ name: Name, email: Email, password: Password }).meta({ id: "RegisterInput" });
export type RegisterInput = z.infer<typeof RegisterInput>;

export const LoginInput = z
  .object({
    email: Email,
    password: z.string().min(1).max(256),
    otp: z
      .string()
      .max(20)
      .optional()
      .meta({ description: "The 6-digit code from the authenticator app, for accounts with two-factor authentication" }),
    recoveryCode: z.string().max(40).optional().meta({ description: "A single-use recovery code instead of `otp`" }),
  })
  .meta({ id: "LoginInput" });
export type LoginInput = z.infer<typeof LoginInput>;

export const LoginResult = z.object({ token: z.string(), expiresAt: z.iso.datetime(), user: User }).meta({ id: "LoginResult" });
export type LoginResult = z.infer<typeof LoginResult>;

export const UpdateMeInput = z
  .object({ name: Name.optional(), password: Password.optional(), currentPassword: z.string().max(256).optional() })
  .refine((v) => v.password === undefined || v.currentPassword !== undefined, {
    path: ["currentPassword"],
    message: "is required to change the password",
  })
  .meta({ id: "UpdateMeInput" });
export type UpdateMeInput = z.infer<typeof UpdateMeInput>;

export const TokenSummary = z
  .object({
    id: z.uuid(),
    name: z.string(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "TokenSummary" });
export type TokenSummary = z.infer<typeof TokenSummary>;

export const CreateTokenInput = z
  .object({ name: z.string().trim().min(1).max(100), expiresInDays: z.number().int().min(1).max(3650).optional() })
  .meta({ id: "CreateTokenInput" });
export type CreateTokenInput = z.infer<typeof CreateTokenInput>;

export const CreatedToken = z
  .object({ id: z.uuid(), name: z.string(), token: z.string(), expiresAt: z.iso.datetime().nullable() })
  .meta({ id: "CreatedToken" });
export type CreatedToken = z.infer<typeof CreatedToken>;

export const Me = User.extend({
  emailVerified: z.boolean().meta({ description: "The owner confirmed the address (verification link, accepted invitation or SSO)" }),
  twoFactorEnabled: z.boolean(),
}).meta({ id: "Me" });
export type Me = z.infer<typeof Me>;

export function toUser(row: { id: string; email: string; name: string; createdAt: Date }): User {
  return { id: row.id, email: row.email, name: row.name, createdAt: row.createdAt.toISOString() };
}
