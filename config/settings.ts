import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { trustedProxies } from "./trusted-proxies";

// The only module that reads process.env: every setting is validated once, here.
const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const url = z.string().url();

const SettingsSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: url.optional(),
  DATABASE_REPLICA_URL: url.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // Opening a connection gives up after this long, so an unreachable database fails a request fast (503).
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(1500),
  REDIS_URL: url.optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  APP_URL: url.default("http://localhost:3000"),
  REALTIME_URL: url.default("http://localhost:3001"),
  REALTIME_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: url.optional(),
  EMAIL_FROM: z.string().min(3).default("Tasklane <noreply@tasklane.local>"),
  S3_BUCKET: z.string().min(3).optional(),
  S3_ENDPOINT: url.optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  // Explicit keys for S3-compatible stores (MinIO, s3rver); without them the AWS SDK's default chain applies.
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool.optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  ALLOW_SIGNUP: bool.default(true),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  METRICS_TOKEN: z.string().min(16).optional(),
  MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(25),
  MAX_BODY_KB: z.coerce.number().int().positive().max(10240).default(1024),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  RATE_LIMIT_PER_IP_PER_MINUTE: z.coerce.number().int().positive().default(3000),
  LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  LOGIN_FAILURES_PER_IP: z.coerce.number().int().positive().default(100),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  // Serves /api/bench/floor, the benchmark's framework floor; off (404) everywhere else.
  BENCH_FLOOR: bool.default(false),
  // Outbox dispatch and delivery retries (tests shorten these).
  DISPATCH_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(10_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
  EMAIL_RETRY_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(5_000),
  EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
  DUE_SOON_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(15 * 60_000),
  // How often on_schedule recurring tasks look for an occurrence whose date has come.
  RECURRENCE_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
  REALTIME_SWEEP_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  // Off on pods that should only serve requests; on by default (dispatchers share work safely).
  RUN_WORKERS: bool.default(true),
  // The worker process's (`node worker.mjs`) health, readiness and metrics port.
  WORKER_PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  // OpenID Connect sign-in: the button shows only when issuer, client id and secret are all set.
  OIDC_ISSUER: url.optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).max(60).default("SSO"),
  // Who may set X-Forwarded-For: a hop count or CIDRs (config/trusted-proxies.ts); nobody by default.
  TRUSTED_PROXIES: trustedProxies,
  // Abuse limits: emails per hour (server/email/quota.ts), attachments per task (server/attachments/upload.ts).
  INVITES_PER_WORKSPACE_PER_HOUR: z.coerce.number().int().positive().default(50),
  EMAILS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().positive().default(5),
  MAX_ATTACHMENTS_PER_TASK: z.coerce.number().int().positive().default(100),
  MAX_TASK_ATTACHMENTS_MB: z.coerce.number().positive().max(100_000).default(500),
});

export type Settings = z.infer<typeof SettingsSchema> & { AUTH_SECRET: string };

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
}

// Embedded mode needs no configuration: a secret is made once and kept beside the data.
function embeddedSecret(dataDir: string): string {
  const file = path.resolve(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function parseSettings(env: Record<string, string | undefined>): Settings {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = SettingsSchema.safeParse(cleaned);
  if (!result.success) {
    throw new Error(`Invalid settings; fix these environment variables:\n${describe(result.error)}`);
  }
  const s = result.data;
  if (!s.AUTH_SECRET && s.NODE_ENV === "production" && s.DATABASE_URL) {
    throw new Error("Invalid settings; fix these environment variables:\n  AUTH_SECRET: required when DATABASE_URL is set in production");
  }
  const oidc = [s.OIDC_ISSUER, s.OIDC_CLIENT_ID, s.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidc !== 0 && oidc !== 3) {
    throw new Error(
      "Invalid settings; fix these environment variables:\n  OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three or none",
    );
  }
  return { ...s, AUTH_SECRET: s.AUTH_SECRET ?? embeddedSecret(s.DATA_DIR) };
}

const globalForSettings = globalThis as unknown as { __tasklaneSettings?: Settings };

export function settings(): Settings {
  globalForSettings.__tasklaneSettings ??= parseSettings(process.env);
  return globalForSettings.__tasklaneSettings;
}
