import type { Metadata } from "next";
import { requireContext } from "@/app/lib/session";
import { PreferencesMatrix } from "@/components/notifications/preferences-matrix";
import { getNotificationPreferences } from "@/server/notifications";

export const metadata: Metadata = { title: "Notification preferences" };

export default async function NotificationPreferencesPage() {
  const ctx = await requireContext("/settings/notifications");
  const prefs = await getNotificationPreferences({ ctx });
  return (
    <section className="card" aria-labelledby="prefs-heading">
      <h2 id="prefs-heading">Notifications</h2>
      <p className="muted small">Choose how you hear about each kind of event. You are never notified of your own actions.</p>
      <PreferencesMatrix initial={prefs} />
    </section>
  );
}
