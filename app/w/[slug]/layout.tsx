import { notFound } from "next/navigation";
import { requireContext } from "@/app/lib/session";
import { loadShell } from "@/app/loaders/shell";
import { AppShell } from "@/components/shell/app-shell";
import { TwoFactorRequired } from "@/components/account/two-factor-required";

export default async function WorkspaceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await requireContext(`/w/${slug}`);
  const shell = await loadShell(ctx, slug);
  if (!shell.current) notFound();
  // The pages would be refused (403) one by one: say why once, and where to fix it.
  if (shell.current.twoFactorBlocked)
    return (
      <AppShell shell={shell}>
        <TwoFactorRequired workspace={shell.current.name} />
      </AppShell>
    );
  return <AppShell shell={shell}>{children}</AppShell>;
}
