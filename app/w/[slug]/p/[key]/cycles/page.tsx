import type { Metadata } from "next";
import Link from "next/link";
import { projectPageTitle } from "@/app/loaders/titles";
import { requireContext } from "@/app/lib/session";
import { loadProject } from "@/app/loaders/project";
import { loadCycles } from "@/app/loaders/cycles";
import { CycleList } from "@/components/cycles/cycle-list";
import { CreateCycleForm, CycleSettingsForm } from "@/components/cycles/cycle-forms";

export async function generateMetadata({ params }: { params: Promise<{ slug: string; key: string }> }): Promise<Metadata> {
  const { slug, key } = await params;
  return projectPageTitle(slug, key, "Cycles");
}

export default async function CyclesPage({ params }: { params: Promise<{ slug: string; key: string }> }) {
  const { slug, key } = await params;
  const ctx = await requireContext(`/w/${slug}/p/${key}/cycles`);
  const project = await loadProject(ctx, slug, key);
  const cycles = await loadCycles(ctx, project);
  const base = `/w/${slug}/p/${project.key}`;
  const settings = project.cycleSettings;
  return (
    <div className="content-narrow">
      <div className="row-between" style={{ marginBottom: 8 }}>
        <h1>Cycles</h1>
        <Link className="btn btn-sm" href={`${base}/board?cycle=current`}>
          Current cycle’s board
        </Link>
      </div>
      <p className="muted small">
        {settings.enabled
          ? `Planned ahead automatically: ${settings.lengthWeeks}-week cycles starting on ${settings.startDay}s.`
          : "Cycles are made by hand; turn on automatic planning below."}{" "}
        {settings.carryOver ? "Unfinished tasks move to the next cycle when a cycle ends." : "Unfinished tasks stay when a cycle ends."}
      </p>
      <CycleList cycles={cycles} base={base} canWrite={project.permissions.canWrite} />
      {project.permissions.canWrite && (
        <section className="card" aria-labelledby="new-cycle-heading">
          <h2 id="new-cycle-heading">New cycle</h2>
          <CreateCycleForm projectId={project.id} />
        </section>
      )}
      <section className="card" aria-labelledby="cycle-settings-heading">
        <h2 id="cycle-settings-heading">Cycle settings</h2>
        {!project.permissions.canEditSettings && <p className="muted small">Only project admins can change these settings.</p>}
        <CycleSettingsForm projectId={project.id} settings={settings} canEdit={project.permissions.canEditSettings} />
      </section>
    </div>
  );
}
