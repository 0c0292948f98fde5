import { z } from "zod";
import { defineOperation } from "./define";
import {
  CreatedToken,
  CreateTokenInput,
  LoginInput,
  LoginResult,
  Me,
  RegisterInput,
  TokenSummary,
  UpdateMeInput,
  User,
} from "../users/schemas";
import { Id, pageOf, PageParams } from "./common";

const tag = "Auth and users";

export const registerOp = defineOperation({
  method: "POST",
  path: "/api/v1/auth/register",
  tag,
  auth: "public",
  summary: "Create an account",
  body: RegisterInput,
  response: z.object({ user: User }),
  status: 201,
  idempotent: true,
  errors: [400, 403, 409, 415, 422, 429],
});
export const loginOp = defineOperation({
  method: "POST",
  path: "/api/v1/auth/login",
  tag,
  auth: "public",
  summary:
    "Sign in and get a bearer token. With two-factor authentication on, a request without `otp`/`recoveryCode` gets 401 " +
    "with type `https://tasklane.dev/problems/two-factor-required`; a wrong code gets type `…/two-factor-invalid`",
  body: LoginInput,
  response: LoginResult,
  status: 200,
  errors: [400, 401, 415, 422, 429],
});
export const logoutOp = defineOperation({
  method: "POST",
  path: "/api/v1/auth/logout",
  tag,
  auth: "required",
  summary: "Revoke the presented token or session",
  status: 204,
  errors: [401],
});
export const getMeOp = defineOperation({
  method: "GET",
  path: "/api/v1/me",
  tag,
  auth: "required",
  summary: "The caller, with whether their email is verified and 2FA is on",
  response: Me,
  status: 200,
  errors: [401],
});
export const updateMeOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/me",
  tag,
  auth: "required",
  summary: "Change your name or password",
  body: UpdateMeInput,
  response: User,
  status: 200,
  errors: [400, 401, 415, 422],
});
export const listTokensOp = defineOperation({
  method: "GET",
  path: "/api/v1/tokens",
  tag,
  auth: "required",
  summary: "Your personal access tokens (never the secret)",
  query: PageParams,
  response: pageOf(TokenSummary, "TokenPage"),
  status: 200,
  errors: [400, 401, 422],
});
export const createTokenOp = defineOperation({
  method: "POST",
  path: "/api/v1/tokens",
  tag,
  auth: "required",
  summary: "Create a personal access token; the token is shown once",
  body: CreateTokenInput,
  response: CreatedToken,
  status: 201,
  idempotent: true,
  errors: [400, 401, 409, 415, 422],
});
export const revokeTokenOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/tokens/{id}",
  tag,
  auth: "required",
  summary: "Revoke a personal access token",
  params: z.object({ id: Id }),
  status: 204,
  errors: [401, 404],
});
export { PageParams };
