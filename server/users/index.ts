export * from "./schemas";
export { registerUser } from "./register";
export { login } from "./login";
export { logout, revokeSessionToken } from "./logout";
export { getMe, updateMe } from "./me";
export { listTokens, createToken, revokeToken } from "./tokens";
