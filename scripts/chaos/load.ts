// The chaos run's steady load: a few loops creating, updating and reading tasks on every web instance,
// and a poller of each instance's /api/ready. Every answer is kept (start time, latency, status, whether
// a 503 was problem+json with Retry-After) for the report; every acknowledged create is remembered.
import { performance } from "node:perf_hooks";

export type Sample = {
  /** Start of the request, ms since the run began. */
  at: number;
  ms: number;
  /** 0: no answer (connection error or our 10 s timeout). */
  status: number;
  op: "create" | "update" | "read";
  web: number;
  problemJson: boolean;
  retryAfter: boolean;
  error?: string;
};
export type ReadySample = { at: number; ms: number; web: number; status: number };

const HANG_MS = 10_000;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class SteadyLoad {
  readonly samples: Sample[] = [];
  readonly ready: ReadySample[] = [];
  /** Ids of tasks whose create answered 2xx: each must be in the database afterwards. */
  readonly created: string[] = [];
  private stopped = false;
  private loops: Promise<void>[] = [];
  private n = 0;

  constructor(
    private readonly webs: string[],
    private readonly token: string,
    private readonly projectId: string,
    private readonly origin: number,
    private readonly workers = 6,
  ) {}

  now(): number {
    return performance.now() - this.origin;
  }

  start(): void {
    this.loops = [...Array.from({ length: this.workers }, (_, i) => this.work(i)), ...this.webs.map((_, web) => this.pollReady(web))];
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.loops);
  }

  private async work(worker: number): Promise<void> {
    while (!this.stopped) {
      const web = (worker + this.n++) % this.webs.length;
      const roll = Math.random();
      if (roll < 0.4 || this.created.length === 0) await this.create(web);
      else if (roll < 0.7) await this.update(web);
      else await this.read(web, roll < 0.85);
      await pause(100);
    }
  }

  private async create(web: number): Promise<void> {
    const { status, body } = await this.send("create", web, "POST", `/api/v1/projects/${this.projectId}/tasks`, {
      title: `chaos ${this.n} ${Math.random().toString(36).slice(2, 8)}`,
    });
    if (status >= 200 && status < 300) this.created.push((body as { id: string }).id);
  }

  private async update(web: number): Promise<void> {
    const id = this.created[Math.floor(Math.random() * this.created.length)]!;
    await this.send("update", web, "PATCH", `/api/v1/tasks/${id}`, { title: `chaos edit ${this.n}` });
  }

  private async read(web: number, list: boolean): Promise<void> {
    const id = this.created[Math.floor(Math.random() * this.created.length)]!;
    await this.send("read", web, "GET", list ? `/api/v1/projects/${this.projectId}/tasks?limit=20` : `/api/v1/tasks/${id}`);
  }

  private async send(
    op: Sample["op"],
    web: number,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: unknown }> {
    const at = this.now();
    const sample: Sample = { at, ms: 0, status: 0, op, web, problemJson: false, retryAfter: false };
    let parsed: unknown;
    try {
      const res = await fetch(this.webs[web] + path, {
        method,
        headers: { authorization: `Bearer ${this.token}`, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(HANG_MS),
      });
      const text = await res.text();
      sample.status = res.status;
      sample.problemJson = (res.headers.get("content-type") ?? "").startsWith("application/problem+json");
      sample.retryAfter = /^\d+$/.test(res.headers.get("retry-after") ?? "");
      parsed = text ? JSON.parse(text) : undefined;
    } catch (error) {
      sample.error = (error as Error).name === "TimeoutError" ? `no answer within ${HANG_MS} ms` : (error as Error).message;
    }
    sample.ms = this.now() - at;
    this.samples.push(sample);
    return { status: sample.status, body: parsed };
  }

  private async pollReady(web: number): Promise<void> {
    while (!this.stopped) {
      const at = this.now();
      let status = 0;
      try {
        const res = await fetch(`${this.webs[web]}/api/ready`, { signal: AbortSignal.timeout(HANG_MS) });
        await res.arrayBuffer();
        status = res.status;
      } catch {
        status = 0;
      }
      this.ready.push({ at, ms: this.now() - at, web, status });
      await pause(250);
    }
  }
}
