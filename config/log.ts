import pino from "pino";
import { settings } from "./settings";

// Structured logs; credentials are redacted wherever they appear.
const globalForLog = globalThis as unknown as { __tasklaneLog?: pino.Logger };

export function logger(): pino.Logger {
  globalForLog.__tasklaneLog ??= pino({
    level: settings().LOG_LEVEL,
    base: { service: "tasklane" },
    redact: {
      paths: [
        "password",
        "currentPassword",
        "token",
        "secret",
        "authorization",
        "cookie",
        "*.password",
        "*.token",
        "*.secret",
        "headers.authorization",
        "headers.cookie",
      ],
      censor: "[redacted]",
    },
  });
  return globalForLog.__tasklaneLog;
}
