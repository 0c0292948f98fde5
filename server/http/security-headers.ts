// The security headers every page and API response carries (set by proxy.ts). Framework-free, so it is unit-tested.

export type SecurityOptions = {
  /** Fresh per request: Next puts it on its own scripts, app/layout.tsx on the theme script. */
  nonce: string;
  appUrl: string;
  realtimeUrl: string;
  /** next dev evaluates code with eval (React's call stacks); production never does. */
  development: boolean;
};

/** Over https (decided by APP_URL, since TLS usually ends at the load balancer) HSTS and upgrade-insecure-requests apply. */
export function isHttps(appUrl: string): boolean {
  return appUrl.startsWith("https://");
}

export function contentSecurityPolicy(o: SecurityOptions): string {
  // Socket.IO's sidecar may live on another origin (REALTIME_URL): its http(s) polling and ws(s) upgrade.
  const realtime = new URL(o.realtimeUrl);
  const ws = `${realtime.protocol === "https:" ? "wss:" : "ws:"}//${realtime.host}`;
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // Nonce + strict-dynamic: only Next's own scripts and what they load; no 'unsafe-inline' for scripts.
    "script-src": ["'self'", `'nonce-${o.nonce}'`, "'strict-dynamic'", ...(o.development ? ["'unsafe-eval'"] : [])],
    // Inline style attributes (recharts, dnd-kit transforms, virtualised rows) need it; styles cannot run code.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", realtime.origin, ws],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "worker-src": ["'self'", "blob:"],
  };
  const policy = Object.entries(directives).map(([k, v]) => `${k} ${[...new Set(v)].join(" ")}`);
  if (isHttps(o.appUrl)) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

/**
 * Attachment downloads carry user-supplied bytes: nothing in them may run, be framed or fetch. Next
 * keeps the proxy's header over a route's own, so the proxy sets this stricter one for them.
 */
export const DOWNLOAD_POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'";

export function policyFor(pathname: string, o: SecurityOptions): string {
  return /^\/api\/v1\/attachments\/[^/]+\/?$/.test(pathname) ? DOWNLOAD_POLICY : contentSecurityPolicy(o);
}

export function securityHeaders(o: SecurityOptions, pathname = "/"): Record<string, string> {
  return {
    "Content-Security-Policy": policyFor(pathname, o),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(isHttps(o.appUrl) && !o.development ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
