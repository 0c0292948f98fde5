import type { Metadata } from "next";
import Link from "next/link";
import { requireContext } from "@/app/lib/session";
import { loadShell } from "@/app/loaders/shell";
import { CreateProjectForm } from "@/components/project/create-project-form";
import { DueDate, PriorityBadge } from "@/components/tasks/task-badges";
import { listProjects } from "@/server/projects";
import type { Task } from "@/server/tasks";
import { listWorkspaceTasks } from "@/server/tasks/list";

export const metadata: Metadata = { title: "Home" };

function dueGroup(task: Task, today: string, weekEnd: string): string {
  if (!task.dueDate) return "No due date";
  if (task.dueDate < today) return "Overdue";
  if (task.dueDate === today) return "Today";
  if (task.dueDate <= weekEnd) return "This week";
  return "Later";
}
const ORDER = ["Overdue", "Today", "This week", "Later", "No due date"];

export default async function WorkspaceHome({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ "new-project"?: string }>;
}) {
  const { slug } = await params;
  const ctx = await requireContext(`/w/${slug}`);
  const shell = await loadShell(ctx, slug);
  const wantsNew = (await searchParams)["new-project"] === "1";
  const canCreate = shell.current!.permissions.canCreateProjects;
  const [mine, projects] = await Promise.all([
    listWorkspaceTasks({ ctx, slug, query: { assignee: "me", category: "backlog,unstarted,started", sort: "due", limit: 100 } }),
    listProjects({ ctx, slug, query: { limit: 100 } }),
  ]);
  const today = ctx.now.toISOString().slice(0, 10);
  const weekEnd = new Date(ctx.now.getTime() + 6 * 86_400_000).toISOString().slice(0, 10);
  const groups = ORDER.map((name) => ({ name, tasks: mine.data.filter((t) => dueGroup(t, today, weekEnd) === name) })).filter(
    (g) => g.tasks.length,
  );
  const recent = [...projects.data].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, 8);
  return (
    <div className="stack">
      <h1>{shell.current!.name}</h1>
      <div className="stack" style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(320px, 1fr))", alignItems: "start" }}>
        <section className="card" aria-labelledby="mine-heading">
          <h2 id="mine-heading">My tasks</h2>
          {groups.length === 0 ? (
            <div className="empty">
              <h3>Nothing assigned to you</h3>
              <p>Tasks assigned to you across this workspace&apos;s projects appear here, by due date.</p>
            </div>
          ) : (
            groups.map((g) => (
              <div key={g.name} style={{ marginBottom: 12 }}>
                <h3 className="small muted" style={{ textTransform: "uppercase" }}>
                  {g.name} · {g.tasks.length}
                </h3>
                <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
                  {g.tasks.map((t) => (
                    <li key={t.id} className="row" style={{ padding: "4px 0" }}>
                      <span className="mono muted small">{t.key}</span>
                      <Link href={`/w/${slug}/t/${t.key}`} className="grow truncate">
                        {t.title}
                      </Link>
                      <PriorityBadge priority={t.priority} />
                      <DueDate date={t.dueDate} />
                    </li>
                  ))}
                </ul>
              </div>
            ))
          )}
        </section>
        <section className="card" aria-labelledby="projects-heading">
          <h2 id="projects-heading">Recent projects</h2>
          {recent.length === 0 ? (
            <div className="empty">
              <h3>No projects yet</h3>
              <p>Projects hold a board of tasks and the people who work on them.</p>
            </div>
          ) : (
            <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {recent.map((p) => (
                <li key={p.id} className="row" style={{ padding: "6px 0" }}>
                  <span className="badge mono">{p.key}</span>
                  <Link href={`/w/${slug}/p/${p.key}/board`}>{p.name}</Link>
                  <span className="muted small hide-phone">{p.visibility === "private" ? "Private" : ""}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {canCreate && (
        <section className="card" aria-labelledby="new-project-heading" id="new-project">
          <h2 id="new-project-heading">New project</h2>
          <CreateProjectForm slug={slug} key={String(wantsNew)} />
        </section>
      )}
    </div>
  );
}
