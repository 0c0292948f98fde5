import type pg from "pg";
import { hashPassword } from "@/server/auth/password";
import { hashToken } from "@/server/auth/tokens";
import { defaultStatuses } from "@/server/projects/defaults";
import { type Rng } from "./prng";

export const BENCH_PASSWORD = "bench-password-not-secret";
const FIRST = [
  "Ada",
  "Grace",
  "Linus",
  "Barbara",
  "Ken",
  "Margaret",
  "Dennis",
  "Frances",
  "Alan",
  "Radia",
  "Edsger",
  "Joan",
  "Donald",
  "Hedy",
  "Tim",
  "Sophie",
  "Guido",
  "Anita",
  "Bjarne",
  "Katherine",
];
const LAST = [
  "Lovelace",
  "Hopper",
  "Torvalds",
  "Liskov",
  "Thompson",
  "Hamilton",
  "Ritchie",
  "Allen",
  "Turing",
  "Perlman",
  "Dijkstra",
  "Clarke",
  "Knuth",
  "Lamarr",
  "Berners",
  "Wilson",
  "Rossum",
  "Borg",
  "Stroustrup",
  "Johnson",
];
const LABELS = ["bug", "feature", "frontend", "backend", "infra", "security", "ux", "tech-debt"];

export type SeededProject = { id: string; key: string; statuses: { id: string; category: string; name: string }[]; labelIds: string[] };
export type Fixture = {
  workspace: { id: string; slug: string };
  owner: { id: string; email: string; token: string; sessionToken: string };
  memberIds: string[];
  projects: Record<"BRD" | "ANL" | "CRT" | "BIG", SeededProject>;
};

/** Users, one workspace, four projects with the default workflow and labels, and the bench user's tokens. */
export async function seedBase(db: pg.PoolClient, rng: Rng, memberCount = 60): Promise<Fixture> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const users = Array.from({ length: memberCount }, (_, i) => {
    const name = i === 0 ? "Bench Owner" : `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    return { id: rng.uuid(), name, email: i === 0 ? "bench@tasklane.local" : `user${i}@bench.tasklane.local` };
  });
  await insert(
    db,
    "users",
    ["id", "name", "email", "password_hash"],
    users.map((u) => [u.id, u.name, u.email, passwordHash]),
  );

  const workspace = { id: rng.uuid(), slug: "bench" };
  await insert(db, "workspaces", ["id", "name", "slug"], [[workspace.id, "Bench Inc.", workspace.slug]]);
  await insert(
    db,
    "workspace_members",
    ["workspace_id", "user_id", "role"],
    users.map((u, i) => [workspace.id, u.id, i === 0 ? "owner" : "member"]),
  );

  const owner = users[0]!;
  const token = `tlp_bench${rng.uuid().replaceAll("-", "")}`;
  const sessionToken = `tls_bench${rng.uuid().replaceAll("-", "")}`;
  await insert(
    db,
    "auth_tokens",
    ["id", "user_id", "kind", "name", "token_hash"],
    [
      [rng.uuid(), owner.id, "personal", "bench", hashToken(token)],
      [rng.uuid(), owner.id, "session", null, hashToken(sessionToken)],
    ],
  );

  const projects = {} as Fixture["projects"];
  for (const [key, name] of [
    ["BRD", "Board"],
    ["ANL", "Analytics"],
    ["CRT", "Create"],
    ["BIG", "Everything"],
  ] as const) {
    const id = rng.uuid();
    await insert(
      db,
      "projects",
      ["id", "workspace_id", "key", "name", "description", "created_by"],
      [[id, workspace.id, key, name, `Benchmark project ${key}`, owner.id]],
    );
    await insert(
      db,
      "project_members",
      ["project_id", "user_id", "role"],
      users.map((u, i) => [id, u.id, i === 0 ? "admin" : "member"]),
    );
    const statuses = defaultStatuses(id).map((s) => ({ ...s, id: rng.uuid() }));
    await insert(
      db,
      "statuses",
      ["id", "project_id", "name", "category", "color", "position", "is_default"],
      statuses.map((s) => [s.id, id, s.name, s.category, s.color, s.position, s.isDefault]),
    );
    const labelIds = LABELS.map(() => rng.uuid());
    await insert(
      db,
      "labels",
      ["id", "project_id", "name", "color"],
      LABELS.map((l, i) => [labelIds[i], id, l, "#6b7280"]),
    );
    projects[key] = { id, key, statuses: statuses.map((s) => ({ id: s.id, category: s.category, name: s.name })), labelIds };
  }
  return { workspace, owner: { id: owner.id, email: owner.email, token, sessionToken }, memberIds: users.map((u) => u.id), projects };
}

async function insert(db: pg.PoolClient, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const params: unknown[] = [];
  const tuples = rows.map((row) => `(${row.map((v) => (params.push(v), `$${params.length}`)).join(", ")})`);
  await db.query(`insert into ${table} (${columns.join(", ")}) values ${tuples.join(", ")}`, params);
}
