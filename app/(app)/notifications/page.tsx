import type { Metadata } from "next";
import { requireContext } from "@/app/lib/session";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  await requireContext("/notifications");
  return (
    <div className="content-narrow stack">
      <h1>Inbox</h1>
      <div className="empty">
        <h3>You&apos;re all caught up</h3>
        <p>Assignments, mentions and comments on tasks you follow appear here.</p>
      </div>
    </div>
  );
}
