import type { Metadata } from "next";
import { requireContext } from "@/app/lib/session";
import { loadShell } from "@/app/lib/shell";
import { Inbox } from "@/components/notifications/inbox";
import { listNotifications } from "@/server/notifications";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  const ctx = await requireContext("/notifications");
  const shell = await loadShell(ctx);
  const page = await listNotifications({ ctx, query: { limit: 100 } });
  // Task keys are unique per workspace; the first workspace is the usual case, the task page resolves the rest.
  const slug = shell.current?.slug;
  const items = page.data.map((n) => {
    const task = n.task as { key?: string } | undefined;
    const project = n.project as { name?: string } | undefined;
    return { ...n, projectName: project?.name ?? null, href: task?.key && slug ? `/w/${slug}/t/${task.key}` : null };
  });
  return (
    <div className="content-narrow stack">
      <h1>Inbox</h1>
      <Inbox items={items} />
    </div>
  );
}
