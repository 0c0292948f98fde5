import type { Metadata } from "next";
import { requireContext } from "@/app/lib/session";
import { loadShell } from "@/app/loaders/shell";
import { Inbox } from "@/components/notifications/inbox";
import { listNotifications } from "@/server/notifications";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  const ctx = await requireContext("/notifications");
  const shell = await loadShell(ctx);
  const page = await listNotifications({ ctx, query: { limit: 100 } });
  const items = page.data.map((n) => {
    // Task keys are unique per workspace: link within the notification's own workspace.
    const slug = n.workspace?.slug ?? shell.current?.slug;
    return { ...n, projectName: n.project?.name ?? null, href: n.task?.key && slug ? `/w/${slug}/t/${n.task.key}` : null };
  });
  return (
    <div className="content-narrow stack">
      <h1>Inbox</h1>
      <Inbox items={items} />
    </div>
  );
}
