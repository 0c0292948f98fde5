import type { Metadata } from "next";
import Link from "next/link";
import { requireContext } from "@/app/lib/session";
import { loadShell } from "@/app/lib/shell";
import { CreateProjectForm } from "@/components/project/create-project-form";

export const metadata: Metadata = { title: "Home" };

export default async function WorkspaceHome({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ "new-project"?: string }> }) {
  const { slug } = await params;
  const ctx = await requireContext(`/w/${slug}`);
  const shell = await loadShell(ctx, slug);
  const wantsNew = (await searchParams)["new-project"] === "1";
  const canCreate = shell.current!.role !== "guest";
  return (
    <div className="stack">
      <h1>{shell.current!.name}</h1>
      <section className="card" aria-labelledby="projects-heading">
        <h2 id="projects-heading">Projects</h2>
        {shell.projects.length === 0 ? (
          <div className="empty">
            <h3>No projects yet</h3>
            <p>Projects hold a board of tasks and the people who work on them.</p>
          </div>
        ) : (
          <ul className="stack" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {shell.projects.map((p) => (
              <li key={p.id}>
                <Link href={`/w/${slug}/p/${p.key}/board`}>
                  <span className="badge mono">{p.key}</span> {p.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {canCreate && (
        <section className="card" aria-labelledby="new-project-heading" id="new-project">
          <h2 id="new-project-heading">New project</h2>
          <CreateProjectForm slug={slug} key={String(wantsNew)} />
        </section>
      )}
    </div>
  );
}
