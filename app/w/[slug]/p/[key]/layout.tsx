import { requireContext } from "@/app/lib/session";
import { loadProject } from "@/app/loaders/project";
import { ProjectTabs } from "@/components/project/project-tabs";

export default async function ProjectLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ slug: string; key: string }>;
}) {
  const { slug, key } = await params;
  const ctx = await requireContext(`/w/${slug}/p/${key}`);
  const project = await loadProject(ctx, slug, key);
  return (
    <div>
      <div className="row" style={{ marginBottom: 8 }}>
        <span className="badge mono">{project.key}</span>
        <h1 style={{ margin: 0 }}>{project.name}</h1>
        {project.archivedAt && <span className="badge">Archived: read only</span>}
      </div>
      <ProjectTabs base={`/w/${slug}/p/${project.key}`} />
      {children}
    </div>
  );
}
