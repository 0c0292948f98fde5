import type { Metadata } from "next";
import { projectPageTitle } from "@/app/loaders/titles";
import { loadProject, loadProjectMeta } from "@/app/loaders/project";
import { requireContext } from "@/app/lib/session";
import { GeneralForm, LabelsEditor, ProjectMembers } from "@/components/project/project-settings-parts";
import { WorkflowEditor } from "@/components/project/workflow-editor";
import { Trash } from "@/components/project/trash";
import { CustomFieldsEditor } from "@/components/project/custom-fields-editor";
import { CycleSettingsForm } from "@/components/cycles/cycle-forms";
import { listTrash } from "@/server/tasks";
import { listProjectMembers } from "@/server/projects";
import { listMembers } from "@/server/workspaces";

export async function generateMetadata({ params }: { params: Promise<{ slug: string; key: string }> }): Promise<Metadata> {
  const { slug, key } = await params;
  return projectPageTitle(slug, key, "Project settings");
}

export default async function ProjectSettingsPage({ params }: { params: Promise<{ slug: string; key: string }> }) {
  const { slug, key } = await params;
  const ctx = await requireContext(`/w/${slug}/p/${key}/settings`);
  const project = await loadProject(ctx, slug, key);
  const [meta, members, workspaceMembers] = await Promise.all([
    loadProjectMeta(ctx, slug, project),
    listProjectMembers({ ctx, projectId: project.id, page: { limit: 100 } }),
    listMembers({ ctx, slug, page: { limit: 100 } }),
  ]);
  const { canAdmin: admin, canEditSettings: editable } = project.permissions;
  const trash = admin ? await listTrash({ ctx, projectId: project.id, page: { limit: 50 } }) : null;
  return (
    <div className="content-narrow">
      {!admin && <p className="notice">Only project admins can change these settings.</p>}
      <section className="card" aria-labelledby="general-heading">
        <h2 id="general-heading">General</h2>
        <GeneralForm
          project={{
            id: project.id,
            name: project.name,
            description: project.description,
            visibility: project.visibility,
            archived: project.archivedAt !== null,
          }}
          canEdit={admin}
        />
      </section>
      <section className="card" aria-labelledby="members-heading">
        <h2 id="members-heading">Members and roles</h2>
        <p className="muted small">
          Workspace owners and admins administer every project. In a project open to the workspace, other workspace members act as members.
        </p>
        <ProjectMembers
          projectId={project.id}
          members={members.data.map((m) => ({ user: m.user, role: m.role }))}
          candidates={workspaceMembers.data.map((m) => m.user)}
          canEdit={editable}
        />
      </section>
      <section className="card" aria-labelledby="workflow-heading">
        <h2 id="workflow-heading">Workflow</h2>
        <WorkflowEditor projectId={project.id} statuses={meta.statuses} canEdit={editable} />
      </section>
      <section className="card" aria-labelledby="labels-heading">
        <h2 id="labels-heading">Labels</h2>
        <LabelsEditor projectId={project.id} labels={meta.labels} canEdit={editable} />
      </section>
      <section className="card" aria-labelledby="fields-heading">
        <h2 id="fields-heading">Custom fields</h2>
        <CustomFieldsEditor projectId={project.id} fields={meta.fields ?? []} canEdit={admin} />
      </section>
      <section className="card" aria-labelledby="cycles-heading">
        <h2 id="cycles-heading">Cycles</h2>
        <CycleSettingsForm projectId={project.id} settings={project.cycleSettings} canEdit={editable} />
      </section>
      {trash && (
        <section className="card" aria-labelledby="trash-heading">
          <h2 id="trash-heading">Trash</h2>
          <p className="muted small">Deleted tasks stay here for 30 days, then are removed for good.</p>
          <Trash projectId={project.id} initial={trash} canRestore={editable} />
        </section>
      )}
    </div>
  );
}
