import type { Metadata } from "next";
import { requireContext } from "@/app/lib/session";

export const metadata: Metadata = { title: "Notification preferences" };

export default async function NotificationPreferencesPage() {
  await requireContext("/settings/notifications");
  return (
    <section className="card" aria-labelledby="prefs-heading">
      <h2 id="prefs-heading">Notifications</h2>
      <div className="empty">Notification preferences arrive with the notifications service.</div>
    </section>
  );
}
