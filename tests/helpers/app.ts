import { readdirSync } from "node:fs";
import path from "node:path";

// Sends real Request objects to the app's route handlers, routed by the same
// file-system conventions Next.js uses (app/api/**/route.ts, [param] segments).
type RouteModule = Record<string, (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>>;
type Route = { file: string; pattern: RegExp; keys: string[]; openapiPath: string };

const root = path.resolve(import.meta.dirname, "../..");

export const routes: Route[] = (readdirSync(path.join(root, "app/api"), { recursive: true }) as string[])
  .filter((f) => path.basename(f) === "route.ts")
  .map((f) => path.join("app/api", f))
  .map((file) => {
    const segments = path.dirname(file).split(path.sep).slice(1);
    const keys: string[] = [];
    const pattern = segments
      .map((s) => {
        const m = /^\[(\w+)\]$/.exec(s);
        if (!m) return s.replace(/[.]/g, "\\.");
        keys.push(m[1]!);
        return "([^/]+)";
      })
      .join("/");
    const openapiPath = "/" + segments.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}")).join("/");
    return { file, keys, pattern: new RegExp(`^/${pattern}$`), openapiPath };
  })
  // Static segments win over dynamic ones, as in Next.js.
  .sort((a, b) => a.keys.length - b.keys.length);

export async function loadRoute(file: string): Promise<RouteModule> {
  return (await import(path.join(root, file))) as RouteModule;
}

export type RequestOptions = {
  body?: unknown;
  rawBody?: BodyInit;
  token?: string;
  headers?: Record<string, string>;
  ip?: string;
  cookie?: string;
};

export async function request(method: string, url: string, options: RequestOptions = {}): Promise<Response> {
  const full = new URL(url, "http://localhost:3000");
  const route = routes.find((r) => r.pattern.test(full.pathname));
  if (!route) return new Response(null, { status: 404 });
  const values = route.pattern.exec(full.pathname)!.slice(1);
  const params = Object.fromEntries(route.keys.map((k, i) => [k, decodeURIComponent(values[i]!)]));
  const handler = (await loadRoute(route.file))[method];
  if (!handler) return new Response(null, { status: 405 });
  const headers = new Headers(options.headers);
  headers.set("x-forwarded-for", options.ip ?? "127.0.0.1");
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  if (options.cookie) headers.set("cookie", options.cookie);
  let body: BodyInit | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const req = new Request(full, { method, headers, body });
  return handler(req, { params: Promise.resolve(params) });
}

/** Request and parse: `{ status, body, headers }`. */
export async function call<T = any>(method: string, url: string, options: RequestOptions = {}) {
  const res = await request(method, url, options);
  const text = await res.text();
  let body: T = undefined as T;
  try {
    body = (text ? JSON.parse(text) : undefined) as T;
  } catch {
    body = text as T;
  }
  return { status: res.status, body, headers: res.headers };
}

export const api = {
  get: <T = any>(url: string, o?: RequestOptions) => call<T>("GET", url, o),
  post: <T = any>(url: string, body?: unknown, o?: RequestOptions) => call<T>("POST", url, { ...o, body }),
  patch: <T = any>(url: string, body?: unknown, o?: RequestOptions) => call<T>("PATCH", url, { ...o, body }),
  put: <T = any>(url: string, body?: unknown, o?: RequestOptions) => call<T>("PUT", url, { ...o, body }),
  delete: <T = any>(url: string, o?: RequestOptions) => call<T>("DELETE", url, o),
};
