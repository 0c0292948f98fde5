import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type StubRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: string; at: number };
export type StubReply = { status: number; body?: unknown; headers?: Record<string, string> };

/**
 * A loopback HTTP server that records every request and answers with `respond` (default 200 {}).
 * Push statuses onto `failNext` to make the next requests fail with them, in order; `failMatching`
 * fails only the requests a test is about (other files' workers may send through the same stub).
 */
export async function startStub(respond?: (req: StubRequest) => StubReply, port = 0, ignore?: (req: StubRequest) => boolean) {
  const requests: StubRequest[] = [];
  const failNext: number[] = [];
  const failures: { match: (req: StubRequest) => boolean; statuses: number[] }[] = [];
  const failMatching = (match: (req: StubRequest) => boolean, ...statuses: number[]) => void failures.push({ match, statuses });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r: StubRequest = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      };
      // Ignored requests (mail a test does not look at) are answered but neither recorded nor failed.
      const ignored = ignore?.(r) ?? false;
      if (!ignored) requests.push(r);
      const targeted = ignored ? undefined : failures.find((f) => f.statuses.length > 0 && f.match(r));
      const failure = ignored ? undefined : targeted ? targeted.statuses.shift() : failNext.shift();
      const reply: StubReply = ignored
        ? { status: 200, body: { id: "ignored" } }
        : failure !== undefined
          ? { status: failure, body: { statusCode: failure, name: "stub_failure", message: `stub answered ${failure}` } }
          : (respond?.(r) ?? { status: 200, body: {} });
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      res.end(reply.body === undefined ? "" : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    requests,
    failNext,
    failMatching,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
export type Stub = Awaited<ReturnType<typeof startStub>>;

/** Emulates Resend's POST /emails: an Idempotency-Key seen before returns the first message, sending nothing new. */
/**
 * `port` reopens a stopped stub where the app already points (an outage that ends). Every sign-up queues
 * a verification email; unless `verification` is set, those are delivered but not recorded, so a test
 * counting one person's mail (or failing the next send) sees only the mail it is about.
 */
export async function startResendStub(port = 0, opts: { verification?: boolean } = {}) {
  const accepted = new Map<string, { id: string; to: string[]; subject: string; html: string; text: string }>();
  let n = 0;
  const stub = await startStub(
    (req) => {
      if (req.method !== "POST" || req.path !== "/emails")
        return { status: 404, body: { statusCode: 404, name: "not_found", message: "no such route" } };
      const key = String(req.headers["idempotency-key"] ?? `none-${n}`);
      if (!accepted.has(key)) {
        const body = JSON.parse(req.body) as { to: string | string[]; subject: string; html: string; text: string };
        accepted.set(key, {
          id: `email_${++n}`,
          to: ([] as string[]).concat(body.to),
          subject: body.subject,
          html: body.html,
          text: body.text,
        });
      }
      return { status: 200, body: { id: accepted.get(key)!.id } };
    },
    port,
    opts.verification ? undefined : isVerificationEmail,
  );
  return {
    ...stub,
    accepted,
    sentTo: (email: string) => [...accepted.values()].filter((m) => m.to.includes(email)),
    /** The next sends to this address fail with these statuses; mail to anyone else is untouched. */
    failNextTo: (email: string, ...statuses: number[]) => stub.failMatching((r) => r.body.includes(email), ...statuses),
  };
}

function isVerificationEmail(req: StubRequest): boolean {
  try {
    return String((JSON.parse(req.body) as { subject?: unknown }).subject ?? "").startsWith("Verify your email");
  } catch {
    return false;
  }
}
