import { requireContext } from "@/app/lib/session";
import { loadShell } from "@/app/loaders/shell";
import { AppShell } from "@/components/shell/app-shell";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireContext();
  const shell = await loadShell(ctx);
  return <AppShell shell={shell}>{children}</AppShell>;
}
