import Link from "next/link";
import { redirect } from "next/navigation";
import { currentContext } from "@/app/lib/session";
import { loadShell } from "@/app/loaders/shell";
import { AppShell } from "@/components/shell/app-shell";
import { Brand } from "@/components/ui/brand";
import { CreateWorkspaceForm } from "@/components/workspace/create-workspace-form";

export default async function Home({ searchParams }: { searchParams: Promise<{ new?: string }> }) {
  const ctx = await currentContext();
  if (!ctx) return <Landing />;
  const shell = await loadShell(ctx);
  const wantsNew = (await searchParams).new === "1";
  if (!wantsNew && shell.workspaces[0]) redirect(`/w/${shell.workspaces[0].slug}`);
  return (
    <AppShell shell={shell}>
      <div className="content-narrow stack">
        <h1>{shell.workspaces.length ? "New workspace" : `Welcome, ${shell.user.name}`}</h1>
        {!shell.workspaces.length && (
          <p className="muted">A workspace holds your team, its projects and their tasks. Create one to start.</p>
        )}
        <div className="card" style={{ maxWidth: 480 }}>
          <CreateWorkspaceForm />
        </div>
      </div>
    </AppShell>
  );
}

function Landing() {
  return (
    <main id="main" className="auth-page">
      <div className="stack" style={{ maxWidth: 560, textAlign: "center", alignItems: "center" }}>
        <Brand />
        <h1 style={{ fontSize: 34 }}>Plan, track and ship your team&apos;s work.</h1>
        <p className="muted">
          Boards and lists that update live, tasks with comments, dependencies and attachments, notifications by email and webhook, and a
          REST API for everything.
        </p>
        <div className="row">
          <Link className="btn btn-primary" href="/signup">
            Get started
          </Link>
          <Link className="btn" href="/signin">
            Sign in
          </Link>
        </div>
      </div>
    </main>
  );
}
